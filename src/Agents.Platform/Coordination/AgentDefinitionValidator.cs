using System.Text.Json;
using Agents.Platform.Agents;
using Agents.Platform.Topics;

namespace Agents.Platform.Coordination;

/// <summary>
/// Checks an agent definition, from the configuration or the management API, before the coordinator journals it,
/// and fills in the defaults, so that the journal holds only complete, valid definitions. Each problem is an
/// <see cref="AgentDefinitionException"/> naming the field by its JSON name (<c>subscribes[1]</c>,
/// <c>heartbeat.timeout</c>, <c>limits.mailboxCapacity</c>).
/// </summary>
internal static class AgentDefinitionValidator
{
    /// <summary>The definition with every default filled in, when it is valid.</summary>
    /// <exception cref="AgentDefinitionException">A field is invalid.</exception>
    public static AgentDefinition Validate(AgentDefinition definition, AgentTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var id = definition.Id ?? "";
        if (!AgentNames.IsValid(id))
        {
            throw new AgentDefinitionException("", "id",
                $"'{id}' is not a valid agent id: use 1 to {AgentNames.MaxLength} ASCII letters, digits, '-', '_' and '.', starting with a letter or digit.");
        }
        if (AgentNames.PersistenceId(id) == AgentCoordinator.RegistryPersistenceId)
        {
            throw new AgentDefinitionException(id, "id",
                $"'{id}' is reserved: its journal would be the coordinator's ('{AgentCoordinator.RegistryPersistenceId}'); choose another id.");
        }
        if (string.IsNullOrEmpty(definition.Type))
        {
            throw new AgentDefinitionException(id, "type", $"the type is missing; name a registered agent type ({Registered(types)}).");
        }
        if (!types.Contains(definition.Type))
        {
            throw new AgentDefinitionException(id, "type", types.UnknownTypeMessage(definition.Type));
        }
        var capabilities = definition.Capabilities ?? [];
        for (var i = 0; i < capabilities.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(capabilities[i]))
            {
                throw new AgentDefinitionException(id, $"capabilities[{i}]", "a capability is empty; name what the agent can do, such as 'convergence-monitoring'.");
            }
        }
        var subscribes = definition.Subscribes ?? [];
        CheckPatterns(id, "subscribes", subscribes);
        var publishes = definition.Publishes ?? [];
        CheckPatterns(id, "publishes", publishes);
        var limits = definition.Limits ?? AgentLimits.Default;
        if (limits.MailboxCapacity is < 1)
        {
            throw new AgentDefinitionException(id, "limits.mailboxCapacity",
                $"{limits.MailboxCapacity} is too small; it must be at least 1 (messages), or absent for an unbounded mailbox.");
        }
        if (limits.MaxConcurrentActions < 1)
        {
            throw new AgentDefinitionException(id, "limits.maxConcurrentActions",
                $"{limits.MaxConcurrentActions} is too small; it must be at least 1 (1 runs one action at a time, the default).");
        }
        var schedules = definition.Schedules ?? [];
        CheckSchedules(id, schedules);
        var heartbeat = definition.Heartbeat ?? AgentHeartbeat.Default;
        if (heartbeat.Interval <= TimeSpan.Zero)
        {
            throw new AgentDefinitionException(id, "heartbeat.interval",
                $"{heartbeat.Interval} is not positive; it must be a positive duration such as 10s (the default).");
        }
        if (heartbeat.Timeout <= heartbeat.Interval)
        {
            throw new AgentDefinitionException(id, "heartbeat.timeout",
                $"{heartbeat.Timeout} is not longer than the interval ({heartbeat.Interval}); make it longer, typically 3 intervals (30s for 10s).");
        }
        if (definition.Settings is { } settings && settings.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            throw new AgentDefinitionException(id, "settings",
                $"the settings are {settings.ValueKind.ToString().ToLowerInvariant()}; they must be an object, such as {{ \"threshold\": 0.9 }}.");
        }
        return definition with
        {
            Id = id,
            Capabilities = [.. capabilities],
            Subscribes = [.. subscribes],
            Publishes = [.. publishes],
            Limits = limits,
            Schedules = [.. schedules],
            Heartbeat = heartbeat,
            Settings = definition.Settings is { ValueKind: JsonValueKind.Object } kept ? kept.Clone() : null,
        };
    }

    /// <summary>Whether two validated definitions say the same (records compare their lists by reference).</summary>
    public static bool Same(AgentDefinition left, AgentDefinition right) =>
        left.Id == right.Id
        && left.Type == right.Type
        && left.Active == right.Active
        && left.Priority == right.Priority
        && (left.Capabilities ?? []).SequenceEqual(right.Capabilities ?? [], StringComparer.Ordinal)
        && (left.Subscribes ?? []).SequenceEqual(right.Subscribes ?? [], StringComparer.Ordinal)
        && (left.Publishes ?? []).SequenceEqual(right.Publishes ?? [], StringComparer.Ordinal)
        && Equals(left.Limits ?? AgentLimits.Default, right.Limits ?? AgentLimits.Default)
        && (left.Schedules ?? []).SequenceEqual(right.Schedules ?? [])
        && Equals(left.Heartbeat ?? AgentHeartbeat.Default, right.Heartbeat ?? AgentHeartbeat.Default)
        && SameSettings(left.Settings, right.Settings);

    private static bool SameSettings(JsonElement? left, JsonElement? right) =>
        (left, right) switch
        {
            (null, null) => true,
            ({ } l, { } r) => JsonElement.DeepEquals(l, r),
            _ => false,
        };

    private static void CheckPatterns(string id, string field, IReadOnlyList<string> patterns)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (!TopicPattern.TryParse(patterns[i], out _, out var error))
            {
                throw new AgentDefinitionException(id, $"{field}[{i}]", error);
            }
        }
    }

    private static void CheckSchedules(string id, IReadOnlyList<AgentSchedule> schedules)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < schedules.Count; i++)
        {
            var schedule = schedules[i];
            var field = $"schedules[{i}]";
            if (schedule is null)
            {
                throw new AgentDefinitionException(id, field, "the schedule is null; give { name, every } or { name, everyEvents, topic }.");
            }
            if (string.IsNullOrWhiteSpace(schedule.Name))
            {
                throw new AgentDefinitionException(id, field + ".name", "the schedule has no name; name it (the tick carries the name), such as 'hourly-report'.");
            }
            if (!names.Add(schedule.Name))
            {
                throw new AgentDefinitionException(id, field + ".name", $"another schedule is named '{schedule.Name}' already; names are unique within an agent.");
            }
            switch (schedule)
            {
                case { Every: { } every, EveryEvents: null, Topic: null }:
                    if (every <= TimeSpan.Zero)
                    {
                        throw new AgentDefinitionException(id, field + ".every", $"{every} is not positive; use a positive duration such as 5 minutes.");
                    }
                    break;
                case { Every: null, EveryEvents: { } count }:
                    if (count < 1)
                    {
                        throw new AgentDefinitionException(id, field + ".everyEvents", $"{count} is too small; it must be at least 1 (events per tick).");
                    }
                    if (schedule.Topic is null)
                    {
                        throw new AgentDefinitionException(id, field + ".topic", "an event schedule needs the topic pattern whose events it counts, such as 'training.epoch.*'.");
                    }
                    if (!TopicPattern.TryParse(schedule.Topic, out _, out var error))
                    {
                        throw new AgentDefinitionException(id, field + ".topic", error);
                    }
                    break;
                case { Every: not null, EveryEvents: not null }:
                    throw new AgentDefinitionException(id, field,
                        "the schedule has both every and everyEvents; a schedule is either { name, every } or { name, everyEvents, topic }.");
                case { Every: not null }:
                    throw new AgentDefinitionException(id, field + ".topic",
                        "a time schedule (every) takes no topic; remove it, or use everyEvents to count the topic's events.");
                default:
                    throw new AgentDefinitionException(id, field,
                        "the schedule has neither every nor everyEvents; a schedule is either { name, every } or { name, everyEvents, topic }.");
            }
        }
    }

    private static string Registered(AgentTypeRegistry types) =>
        types.Names is { Count: > 0 } names ? "registered: " + string.Join(", ", names) : "none is registered";
}
