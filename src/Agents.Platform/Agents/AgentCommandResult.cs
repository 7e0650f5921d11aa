using System.Text.Json;

namespace Agents.Platform.Agents;

/// <summary>An agent's answer to an <see cref="AgentCommand"/>.</summary>
/// <param name="AgentId">The agent that answered.</param>
/// <param name="Command">The command's name.</param>
/// <param name="Accepted">Whether the agent carried the command out (or started to).</param>
/// <param name="Message">What happened, for people: the reason when <paramref name="Accepted"/> is false.</param>
/// <param name="Result">A result document, when the command has one.</param>
public sealed record AgentCommandResult(string AgentId, string Command, bool Accepted, string Message, JsonElement? Result = null);
