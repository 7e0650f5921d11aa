using Agents.Persistence.Serialization;

namespace Agents.Platform.Coordination;

/// <summary>Journaled by the coordinator when an agent is activated: it runs, and runs again after node restarts.</summary>
/// <param name="AgentId">The agent.</param>
[Manifest("agents.agent-activated")]
public sealed record AgentActivated(string AgentId);
