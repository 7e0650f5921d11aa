using System.Text.Json;
using Agents.Platform.Agents;
using Agents.Platform.Topics;

namespace Agents.Node.Management;

/// <summary>
/// An agent definition as the agents API reads and writes it (<see cref="AgentDefinition"/>): durations as text
/// (<see cref="DurationText"/>), every field but <see cref="Id"/> and <see cref="Type"/> optional with the definition's
/// defaults. <c>POST /api/agents</c> takes it as its body; <c>GET /api/agents</c> shows it in each agent.
/// </summary>
/// <param name="Id">The agent's id: ASCII letters, digits, '-', '_' and '.', starting with a letter or digit.</param>
/// <param name="Type">The registered agent type that runs it.</param>
/// <param name="Active">Whether it runs; default true. An inactive definition is a slot that can be activated later.</param>
/// <param name="Capabilities">What it can do.</param>
/// <param name="Subscribes">The topic patterns it receives events of.</param>
/// <param name="Publishes">The topics it publishes on.</param>
/// <param name="Priority">Higher starts first; default 0.</param>
/// <param name="Limits">Its resource limits; default no mailbox bound, one action at a time.</param>
/// <param name="Schedules">When it wakes on its own.</param>
/// <param name="Heartbeat">How often it reports that it is alive and how long it may be silent; default 10s and 30s.</param>
/// <param name="Settings">The type's own settings, a JSON object.</param>
/// <param name="SubscribeFrom">Where its subscription begins the first time it runs: <c>"beginning"</c> (default) or <c>"end"</c>.</param>
public sealed record AgentDefinitionDocument(
    string? Id,
    string? Type,
    bool? Active = null,
    IReadOnlyList<string>? Capabilities = null,
    IReadOnlyList<string>? Subscribes = null,
    IReadOnlyList<string>? Publishes = null,
    int? Priority = null,
    AgentLimits? Limits = null,
    IReadOnlyList<AgentScheduleDocument>? Schedules = null,
    AgentHeartbeatDocument? Heartbeat = null,
    JsonElement? Settings = null,
    SubscriptionStart? SubscribeFrom = null)
{
    /// <summary>The document of <paramref name="definition"/>, with every field written out.</summary>
    public static AgentDefinitionDocument From(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var heartbeat = definition.Heartbeat ?? AgentHeartbeat.Default;
        return new AgentDefinitionDocument(
            definition.Id,
            definition.Type,
            definition.Active,
            definition.Capabilities ?? [],
            definition.Subscribes ?? [],
            definition.Publishes ?? [],
            definition.Priority,
            definition.Limits ?? AgentLimits.Default,
            [.. (definition.Schedules ?? []).Select(schedule => new AgentScheduleDocument(
                schedule.Name, schedule.Every is { } every ? DurationText.Format(every) : null, schedule.EveryEvents, schedule.Topic))],
            new AgentHeartbeatDocument(DurationText.Format(heartbeat.Interval), DurationText.Format(heartbeat.Timeout)),
            definition.Settings,
            definition.SubscribeFrom);
    }

    /// <summary>
    /// The definition this document describes. Only the shape is checked here (present id and type, readable durations,
    /// settings an object); the agent directory checks the rest (valid id, registered type, topic patterns, ...).
    /// </summary>
    /// <exception cref="AgentDefinitionException">A field is missing or unreadable; the exception names it.</exception>
    public AgentDefinition ToDefinition()
    {
        var id = Id ?? "";
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw new AgentDefinitionException("", "id", "is missing: give the agent's id, e.g. \"id\": \"trainer-1\".");
        }

        if (string.IsNullOrWhiteSpace(Type))
        {
            throw new AgentDefinitionException(id, "type", "is missing: give the registered agent type that runs it, e.g. \"type\": \"recorder\".");
        }

        if (Settings is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) } settings)
        {
            throw new AgentDefinitionException(id, "settings", $"is a JSON {settings.ValueKind.ToString().ToLowerInvariant()}; give an object, e.g. \"settings\": {{\"threshold\": 0.9}}.");
        }

        var schedules = Schedules?.Select((schedule, index) => schedule is null
            ? throw new AgentDefinitionException(id, $"schedules[{index}]", "is null; give an object with name and every or everyEvents.")
            : new AgentSchedule(
                schedule.Name ?? "",
                schedule.Every is { } every ? Duration(id, $"schedules[{index}].every", every) : null,
                schedule.EveryEvents,
                schedule.Topic)).ToList();
        AgentHeartbeat? heartbeat = null;
        if (Heartbeat is { } given)
        {
            heartbeat = new AgentHeartbeat(
                given.Interval is { } interval ? Duration(id, "heartbeat.interval", interval) : AgentHeartbeat.Default.Interval,
                given.Timeout is { } timeout ? Duration(id, "heartbeat.timeout", timeout) : AgentHeartbeat.Default.Timeout);
        }

        return new AgentDefinition(
            Id,
            Type,
            Active ?? true,
            Capabilities,
            Subscribes,
            Publishes,
            Priority ?? 0,
            Limits,
            schedules,
            heartbeat,
            Settings is { ValueKind: JsonValueKind.Object } ? Settings : null,
            SubscribeFrom ?? SubscriptionStart.Beginning);
    }

    private static TimeSpan Duration(string id, string field, string text) =>
        DurationText.TryParse(text, out var duration, out var error) ? duration : throw new AgentDefinitionException(id, field, error);
}
