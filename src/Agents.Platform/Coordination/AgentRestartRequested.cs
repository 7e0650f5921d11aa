using Agents.Persistence.Serialization;

namespace Agents.Platform.Coordination;

/// <summary>
/// Journaled by the coordinator when it restarts an agent on request (management API) or because the agent went
/// silent, so that the journal tells why an agent started again.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Reason">
/// Why: <c>requested</c> (restart through the API), <c>activated</c> (an agent that was given up, activated again) or
/// <c>heartbeat-timeout</c> (a silent agent).
/// </param>
[Manifest("agents.agent-restart-requested")]
public sealed record AgentRestartRequested(string AgentId, string Reason);
