namespace Agents.Actors;

/// <summary>
/// An entry of the <see cref="TimerQueueScheduler"/>'s heap. Cancelling only flags the entry: the
/// scheduler drops flagged entries when they reach the top of the heap or when it compacts the heap.
/// Ask cancels nearly every timeout it schedules (the reply wins), usually on another thread than the
/// one that scheduled it; a flag write keeps that thread away from the scheduler's lock.
/// </summary>
internal abstract class ScheduledWork : ICancelable
{
    internal long Due;
    internal long Sequence;
    internal long Period;
    private int _cancelled;

    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

    public void Cancel() => Volatile.Write(ref _cancelled, 1);

    /// <summary>Runs the work on the scheduler thread.</summary>
    public abstract void Execute();

    /// <summary>Called for work still pending when the scheduler stops with its actor system.</summary>
    public virtual void OnSchedulerStopped()
    {
    }
}

internal sealed class ScheduledTell(IActorRef receiver, object message, IActorRef? sender) : ScheduledWork
{
    public override void Execute() => receiver.Tell(message, sender);
}

internal sealed class ScheduledAction(Action action) : ScheduledWork
{
    public override void Execute() => action();
}
