using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

/// <summary>
/// An agent's host (the sharded entity that supervises the agent's actor) has started and asks the coordinator
/// for the agent's definition; the coordinator answers with <see cref="StartAgent"/> or <see cref="StopAgent"/>.
/// </summary>
/// <param name="AgentId">The agent.</param>
public sealed record AgentHostStarted(string AgentId);

/// <summary>Coordinator to host: run the agent from this definition.</summary>
/// <param name="Definition">The agent's current definition.</param>
public sealed record StartAgent(AgentDefinition Definition);

/// <summary>Coordinator to host: stop the agent (its last events durable) and the host with it.</summary>
/// <param name="AgentId">The agent.</param>
public sealed record StopAgent(string AgentId);

/// <summary>Coordinator to host: restart the agent now and forget its earlier failures.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Reason">Why, for the log and the agent's audit trail.</param>
public sealed record RestartAgent(string AgentId, string Reason);

/// <summary>Host to coordinator: the agent has recovered its state and runs.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When, by the system's time provider.</param>
public sealed record AgentStarted(string AgentId, DateTimeOffset At);

/// <summary>Agent to its host, forwarded by the host to the coordinator: the agent is alive.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When, by the system's time provider.</param>
public sealed record AgentHeartbeatSignal(string AgentId, DateTimeOffset At);

/// <summary>Host to coordinator: the agent failed and starts again after <paramref name="RestartIn"/>.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Reason">The failure's message.</param>
/// <param name="FailuresInWindow">Its failures within the failure window, this one included.</param>
/// <param name="RestartIn">The backoff before it starts again.</param>
public sealed record AgentFailed(string AgentId, string Reason, int FailuresInWindow, TimeSpan RestartIn);

/// <summary>Host to coordinator: the agent failed too often within the failure window and stays stopped.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Reason">The last failure's message.</param>
/// <param name="FailuresInWindow">Its failures within the window.</param>
public sealed record AgentGaveUp(string AgentId, string Reason, int FailuresInWindow);
