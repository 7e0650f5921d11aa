using Agents.Actors;
using Agents.Platform.Topics;

namespace Agents.Platform.Agents;

public abstract partial class AgentBase
{
    private readonly IReadOnlyList<AgentSchedule> _timeSchedules;
    private readonly IReadOnlyList<EventSchedule> _eventSchedules;

    /// <summary>
    /// Called when a schedule fires (or when someone sends the agent an <see cref="AgentTick"/>): every
    /// <see cref="AgentSchedule.Every"/> of time, or after every <see cref="AgentSchedule.EveryEvents"/>-th event on a
    /// matching topic, in the turn of that event (right after <see cref="OnEventAsync"/>, before the event is
    /// acknowledged). Event counts start again from 0 when the agent restarts. Turn-based like every handler. Does
    /// nothing by default.
    /// </summary>
    /// <param name="tick">The schedule's name and when it fired.</param>
    protected virtual Task OnTickAsync(AgentTick tick) => Task.CompletedTask;

    private static (IReadOnlyList<AgentSchedule> Time, IReadOnlyList<EventSchedule> Events) CompileSchedules(AgentDefinition definition)
    {
        if (definition.Schedules is not { Count: > 0 } schedules)
        {
            return ([], []);
        }

        var time = new List<AgentSchedule>();
        var events = new List<EventSchedule>();
        foreach (var schedule in schedules)
        {
            if (schedule.EveryEvents is { } count)
            {
                events.Add(new EventSchedule(schedule.Name, TopicPattern.Parse(schedule.Topic!), count));
            }
            else
            {
                time.Add(schedule);
            }
        }

        return (time, events);
    }

    /// <summary>
    /// The patterns of the agent's durable subscription: its own, plus those of its event schedules, so that a
    /// schedule counts its events even when the agent does not handle them itself.
    /// </summary>
    private static IReadOnlyList<TopicPattern> SubscriptionPatterns(
        TopicPattern[] subscribes, IReadOnlyList<EventSchedule> schedules, out bool hasScheduleOnlyPatterns)
    {
        var patterns = new List<TopicPattern>(subscribes.Length + schedules.Count);
        foreach (var pattern in subscribes)
        {
            if (!patterns.Contains(pattern))
            {
                patterns.Add(pattern);
            }
        }

        var own = patterns.Count;
        foreach (var schedule in schedules)
        {
            if (!patterns.Contains(schedule.Pattern))
            {
                patterns.Add(schedule.Pattern);
            }
        }

        hasScheduleOnlyPatterns = patterns.Count > own;
        return patterns;
    }

    private void StartTimeSchedules()
    {
        foreach (var schedule in _timeSchedules)
        {
            Timers.StartPeriodicTimer(new ScheduleTimerKey(schedule.Name), new ScheduleDue(schedule.Name), schedule.Every!.Value);
        }
    }

    /// <summary>
    /// Counts a handled event for the event schedules whose pattern matches its topic; each full count runs
    /// <see cref="OnTickAsync"/> in the same turn, right after the event that completed it.
    /// </summary>
    private async Task CountForSchedulesAsync(TopicName? topic)
    {
        if (topic is null)
        {
            return;
        }

        foreach (var schedule in _eventSchedules)
        {
            if (schedule.Pattern.Matches(topic) && ++schedule.Count >= schedule.Every)
            {
                schedule.Count = 0;
                await OnTickAsync(new AgentTick(schedule.Name, Now));
            }
        }
    }

    /// <summary>An event schedule and its count of matching events since its last tick (this incarnation only).</summary>
    private sealed class EventSchedule(string name, TopicPattern pattern, int every)
    {
        public string Name { get; } = name;

        public TopicPattern Pattern { get; } = pattern;

        public int Every { get; } = every;

        public int Count { get; set; }
    }

    /// <summary>The key of a time schedule's timer.</summary>
    private sealed record ScheduleTimerKey(string Name);

    /// <summary>A time schedule's timer fired.</summary>
    private sealed record ScheduleDue(string Name);
}
