namespace Agents.Platform.Agents;

/// <summary>An agent as the coordinator sees it: its definition and how it is doing.</summary>
/// <param name="Definition">Its current definition.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="LastHeartbeat">When it last reported that it is alive; <see langword="null"/> before its first heartbeat.</param>
/// <param name="Restarts">How many times it was restarted since it was activated.</param>
/// <param name="LastFailure">The last failure's message, if it failed.</param>
/// <param name="Node">The name of the node it runs on; <see langword="null"/> when it does not run.</param>
public sealed record AgentInfo(
    AgentDefinition Definition, AgentStatus Status, DateTimeOffset? LastHeartbeat = null, int Restarts = 0,
    string? LastFailure = null, string? Node = null);
