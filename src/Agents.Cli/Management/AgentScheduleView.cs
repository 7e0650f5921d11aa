namespace Agents.Cli.Management;

/// <summary>One schedule of an agent: every <see cref="Every"/>, or every <see cref="EveryEvents"/> events of <see cref="Topic"/>.</summary>
/// <param name="Name">The schedule's name.</param>
/// <param name="Every">The interval, as the node writes it.</param>
/// <param name="EveryEvents">The count of an event schedule.</param>
/// <param name="Topic">The topic pattern an event schedule counts.</param>
internal sealed record AgentScheduleView(string Name, string? Every, int? EveryEvents, string? Topic);
