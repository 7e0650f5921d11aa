namespace Agents.Platform.Agents;

/// <summary>How often an agent reports that it is alive, and how long it may stay silent before it counts as failed.</summary>
/// <param name="Interval">How often the agent sends a heartbeat.</param>
/// <param name="Timeout">
/// How long after its last heartbeat the coordinator reports the agent on <c>agent.health.failure</c> and restarts
/// it; longer than <paramref name="Interval"/>.
/// </param>
public sealed record AgentHeartbeat(TimeSpan Interval, TimeSpan Timeout)
{
    /// <summary>A heartbeat every 10 seconds, failed after 30 seconds of silence.</summary>
    public static AgentHeartbeat Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
}
