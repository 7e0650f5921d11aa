using System.Text.Json;

namespace Agents.Cli.Management;

/// <summary>The answer of <c>POST /api/agents/{id}/commands</c>: the agent's answer to the command.</summary>
/// <param name="AgentId">The agent that answered.</param>
/// <param name="Command">The command's name.</param>
/// <param name="Accepted">Whether the agent carried it out.</param>
/// <param name="Message">What happened; the reason when it was refused.</param>
/// <param name="Result">The command's result document, or undefined/null for none.</param>
internal sealed record AgentCommandReply(string AgentId, string Command, bool Accepted, string? Message, JsonElement Result);
