namespace Agents.Platform.Agents;

/// <summary>What an agent receives when one of its <see cref="AgentSchedule"/>s fires.</summary>
/// <param name="Schedule">The schedule's name.</param>
/// <param name="At">When it fired, by the system's time provider.</param>
public sealed record AgentTick(string Schedule, DateTimeOffset At);
