namespace Agents.Platform.Agents;

/// <summary>
/// When an agent is woken with an <see cref="AgentTick"/> on its own: every <see cref="Every"/> of time, or every
/// <see cref="EveryEvents"/> events on topics matching <see cref="Topic"/>. Exactly one of the two is set.
/// </summary>
/// <param name="Name">The schedule's name, unique within the agent; the tick carries it.</param>
/// <param name="Every">The interval of a time schedule.</param>
/// <param name="EveryEvents">The count of an event schedule: a tick after every so many matching events.</param>
/// <param name="Topic">The topic pattern whose events an event schedule counts.</param>
public sealed record AgentSchedule(string Name, TimeSpan? Every = null, int? EveryEvents = null, string? Topic = null);
