namespace Agents.Actors;

/// <summary>
/// Sends messages or runs actions later, on the actor system's <see cref="TimeProvider"/>: with a
/// controllable provider (the TestKit's), "in five minutes" happens when the test advances time.
/// Repeated schedules run at a fixed rate. Inside actors prefer <see cref="IActorContext.Timers"/>,
/// which are cancelled with the actor.
/// </summary>
public interface IScheduler
{
    /// <summary>The current time of the scheduler's clock.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="receiver"/> after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> on the scheduler's thread after <paramref name="delay"/>; keep it short.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    /// <summary>Runs <paramref name="action"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
