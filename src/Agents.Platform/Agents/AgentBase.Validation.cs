using System.Globalization;
using Agents.Platform.Topics;

namespace Agents.Platform.Agents;

public abstract partial class AgentBase
{
    /// <summary>
    /// Checks what the agent base relies on in <paramref name="definition"/>: a valid id and type name, valid
    /// subscription patterns, positive limits, a heartbeat whose timeout exceeds its interval, and schedules that set
    /// exactly one of <see cref="AgentSchedule.Every"/> and <see cref="AgentSchedule.EveryEvents"/>. Agents call it when
    /// they are created; the coordinator may call it to refuse a definition before it is stored.
    /// </summary>
    /// <param name="definition">The definition to check.</param>
    /// <exception cref="AgentDefinitionException">
    /// Something is wrong; <see cref="AgentDefinitionException.Field"/> names the field the way the management API
    /// spells it, e.g. <c>schedules[1].every</c> (indexes start at 0).
    /// </exception>
    public static void Validate(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var id = definition.Id ?? string.Empty;
        if (!AgentNames.IsValid(definition.Id))
        {
            throw new AgentDefinitionException(id, "id",
                $"'{id}' is not a valid agent id: use 1 to {AgentNames.MaxLength} ASCII letters, digits, '-', '_' and '.', starting with a letter or digit.");
        }

        if (!AgentNames.IsValid(definition.Type))
        {
            throw new AgentDefinitionException(id, "type",
                $"'{definition.Type}' is not a valid agent type name: use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit.");
        }

        _ = ParsePatterns(definition.Subscribes, id);
        ValidateLimits(id, definition.Limits);
        ValidateHeartbeat(id, definition.Heartbeat);
        ValidateSchedules(id, definition.Schedules);
    }

    private static TopicPattern[] ParsePatterns(IReadOnlyList<string>? texts, string agentId = "")
    {
        if (texts is not { Count: > 0 })
        {
            return [];
        }

        var patterns = new TopicPattern[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (!TopicPattern.TryParse(texts[i], out var pattern, out var error))
            {
                throw new AgentDefinitionException(agentId, Indexed("subscribes", i), error);
            }

            patterns[i] = pattern;
        }

        return patterns;
    }

    private static void ValidateLimits(string id, AgentLimits? limits)
    {
        if (limits is null)
        {
            return;
        }

        if (limits.MailboxCapacity is < 1)
        {
            throw new AgentDefinitionException(id, "limits.mailboxCapacity",
                $"{limits.MailboxCapacity.Value.ToString(CultureInfo.InvariantCulture)} is not a mailbox capacity: give at least 1, or leave it out for an unbounded mailbox.");
        }

        if (limits.MaxConcurrentActions < 1)
        {
            throw new AgentDefinitionException(id, "limits.maxConcurrentActions",
                $"{limits.MaxConcurrentActions.ToString(CultureInfo.InvariantCulture)} actions at once lets the agent do nothing: give at least 1.");
        }
    }

    private static void ValidateHeartbeat(string id, AgentHeartbeat? heartbeat)
    {
        if (heartbeat is null)
        {
            return;
        }

        if (heartbeat.Interval <= TimeSpan.Zero)
        {
            throw new AgentDefinitionException(id, "heartbeat.interval",
                $"{heartbeat.Interval} is not a heartbeat interval: give a positive duration, e.g. 10s.");
        }

        if (heartbeat.Timeout <= heartbeat.Interval)
        {
            throw new AgentDefinitionException(id, "heartbeat.timeout",
                $"{heartbeat.Timeout} is not longer than the heartbeat interval ({heartbeat.Interval}); a healthy agent would count as failed. Give a timeout of a few intervals, e.g. 3 x the interval.");
        }
    }

    private static void ValidateSchedules(string id, IReadOnlyList<AgentSchedule>? schedules)
    {
        if (schedules is not { Count: > 0 })
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < schedules.Count; i++)
        {
            var schedule = schedules[i];
            var field = Indexed("schedules", i);
            if (schedule is null)
            {
                throw new AgentDefinitionException(id, field, "the schedule is missing; give a name and either every or everyEvents with topic.");
            }

            if (string.IsNullOrWhiteSpace(schedule.Name))
            {
                throw new AgentDefinitionException(id, field + ".name", "a schedule needs a name; the ticks it sends carry it.");
            }

            if (!names.Add(schedule.Name))
            {
                throw new AgentDefinitionException(id, field + ".name",
                    $"another schedule is named '{schedule.Name}' already; give each schedule of the agent its own name.");
            }

            switch (schedule.Every, schedule.EveryEvents)
            {
                case (null, null):
                    throw new AgentDefinitionException(id, field,
                        $"schedule '{schedule.Name}' sets neither every nor everyEvents: set every (a duration) for a time schedule, or everyEvents with topic for an event schedule.");
                case (not null, not null):
                    throw new AgentDefinitionException(id, field,
                        $"schedule '{schedule.Name}' sets both every and everyEvents: a schedule is either a time schedule (every) or an event schedule (everyEvents with topic), so keep one.");
                case ({ } every, null):
                    if (every <= TimeSpan.Zero)
                    {
                        throw new AgentDefinitionException(id, field + ".every",
                            $"{every} is not an interval: give a positive duration, e.g. 5m.");
                    }

                    if (schedule.Topic is not null)
                    {
                        throw new AgentDefinitionException(id, field + ".topic",
                            $"schedule '{schedule.Name}' is a time schedule (every), which counts no events: remove topic, or use everyEvents instead of every.");
                    }

                    break;
                case (null, { } count):
                    if (count < 1)
                    {
                        throw new AgentDefinitionException(id, field + ".everyEvents",
                            $"{count.ToString(CultureInfo.InvariantCulture)} is not an event count: give at least 1.");
                    }

                    if (schedule.Topic is null)
                    {
                        throw new AgentDefinitionException(id, field + ".topic",
                            $"event schedule '{schedule.Name}' needs the topic pattern whose events it counts, e.g. 'training.epoch.*'.");
                    }

                    if (!TopicPattern.TryParse(schedule.Topic, out _, out var error))
                    {
                        throw new AgentDefinitionException(id, field + ".topic", error);
                    }

                    break;
            }
        }
    }

    private static string Indexed(string field, int index) => $"{field}[{index.ToString(CultureInfo.InvariantCulture)}]";
}
