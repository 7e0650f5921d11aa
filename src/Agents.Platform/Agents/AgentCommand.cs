using System.Text.Json;
using Agents.Persistence.Serialization;

namespace Agents.Platform.Agents;

/// <summary>
/// A command for an agent from outside its code: the management API (<c>POST /api/agents/{id}/commands</c>), the
/// console (<c>agents agent tell</c>) or a workflow rule. Agents handle the names they know and reply with an
/// <see cref="AgentCommandResult"/>; a name an agent does not know is answered as rejected, never dropped silently.
/// </summary>
/// <param name="Name">The command's name, such as <c>stop</c> or <c>evaluate</c>.</param>
/// <param name="Arguments">The command's arguments as a JSON document; <see langword="null"/> for none.</param>
[Manifest("agents.agent-command")]
public sealed record AgentCommand(string Name, JsonElement? Arguments = null);
