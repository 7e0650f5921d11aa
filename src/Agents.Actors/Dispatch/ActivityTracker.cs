namespace Agents.Actors;

/// <summary>
/// Counts units of actor work in flight (scheduled mailbox runs) and lets a caller wait until the
/// count drops to zero. A run that reschedules its mailbox enters again before it exits, so the
/// count never touches zero while work remains.
/// </summary>
internal sealed class ActivityTracker
{
    private readonly Lock _lock = new();
    private int _inFlight;
    private TaskCompletionSource? _idle;

    public int InFlight => Volatile.Read(ref _inFlight);

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Exit()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0)
        {
            TaskCompletionSource? idle;
            lock (_lock)
            {
                if (Volatile.Read(ref _inFlight) != 0)
                {
                    return;
                }
                idle = _idle;
                _idle = null;
            }
            idle?.TrySetResult();
        }
    }

    /// <summary>Completes when no mailbox is scheduled or running.</summary>
    public Task WhenIdle()
    {
        lock (_lock)
        {
            if (Volatile.Read(ref _inFlight) == 0)
            {
                return Task.CompletedTask;
            }
            return (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }
}
