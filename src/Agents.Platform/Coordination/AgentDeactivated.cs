using Agents.Persistence.Serialization;

namespace Agents.Platform.Coordination;

/// <summary>Journaled by the coordinator when an agent is deactivated: it stops and stays a slot until activated again.</summary>
/// <param name="AgentId">The agent.</param>
[Manifest("agents.agent-deactivated")]
public sealed record AgentDeactivated(string AgentId);
