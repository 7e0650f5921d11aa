namespace Agents.Library.Health;

/// <summary>What the heartbeat health agent observed of one agent within its window: the inputs of <see cref="HealthScore"/>.</summary>
/// <param name="HeartbeatInterval">How often the agent is meant to send a heartbeat (its definition's heartbeat interval).</param>
/// <param name="CheckEvery">How often the health agent looks; heartbeats between two looks are not seen one by one.</param>
/// <param name="Silence">How long since the agent's last heartbeat (or since it was first seen without one).</param>
/// <param name="LongestGap">The longest gap between two heartbeats observed within the window; zero when none.</param>
/// <param name="Failures">How many failures of the agent were reported on <c>agent.health.failure</c> within the window.</param>
/// <param name="Restarts">By how much the agent's restart count grew within the window.</param>
/// <param name="Failed">Whether the agent's status is failed (given up after too many failures).</param>
/// <param name="Window">The window the counts cover, for the reasons.</param>
public sealed record HealthSignals(
    TimeSpan HeartbeatInterval, TimeSpan CheckEvery, TimeSpan Silence, TimeSpan LongestGap, int Failures, int Restarts, bool Failed,
    TimeSpan Window);
