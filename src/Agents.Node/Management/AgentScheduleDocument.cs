using System.Text.Json.Serialization;

namespace Agents.Node.Management;

/// <summary>
/// A schedule of an agent in the agents API (<see cref="Agents.Platform.Agents.AgentSchedule"/>): every
/// <see cref="Every"/> of time, or every <see cref="EveryEvents"/> events on topics matching <see cref="Topic"/>.
/// </summary>
/// <param name="Name">The schedule's name, unique within the agent.</param>
/// <param name="Every">The interval of a time schedule: <c>10s</c>, <c>PT10S</c> or <c>00:00:10</c> (a number is milliseconds).</param>
/// <param name="EveryEvents">The count of an event schedule.</param>
/// <param name="Topic">The topic pattern whose events an event schedule counts.</param>
public sealed record AgentScheduleDocument(
    string? Name,
    [property: JsonConverter(typeof(DurationTextConverter))] string? Every = null,
    int? EveryEvents = null,
    string? Topic = null);
