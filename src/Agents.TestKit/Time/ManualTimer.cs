namespace Agents.TestKit;

/// <summary>A timer of a <see cref="ManualTimeProvider"/>; its state is guarded by the provider's lock.</summary>
internal sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    // Due time in ticks of the owner's clock; -1 when disarmed.
    public long Due = -1;
    public long Period;
    public long Sequence;
    public bool Disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time must be zero or more, or Timeout.InfiniteTimeSpan.");
        }
        owner.Arm(this, dueTime, period);
        return !Disposed;
    }

    public void Fire() => callback(state);

    public void Dispose() => owner.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
