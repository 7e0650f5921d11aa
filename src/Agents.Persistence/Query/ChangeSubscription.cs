namespace Agents.Persistence.Query;

/// <summary>
/// One live query's interest in one key of a <see cref="ChangeNotifier"/>. A notification that arrives while the
/// query is busy reading is remembered, so the next <see cref="WaitAsync"/> returns at once and no change is missed.
/// </summary>
public sealed class ChangeSubscription : IDisposable
{
    private readonly ChangeNotifier _notifier;
    private readonly Lock _gate = new();
    private bool _signalled;
    private TaskCompletionSource? _waiter;

    internal ChangeSubscription(ChangeNotifier notifier, string key)
    {
        _notifier = notifier;
        Key = key;
    }

    /// <summary>What this subscription follows.</summary>
    public string Key { get; }

    /// <summary>
    /// Waits until notified (returns <c>true</c>) or until <paramref name="timeout"/> passes on
    /// <paramref name="timeProvider"/> (returns <c>false</c>), whichever comes first.
    /// </summary>
    /// <param name="timeout">The longest wait; <see cref="Timeout.InfiniteTimeSpan"/> waits for a notification only.</param>
    /// <param name="timeProvider">The clock the timeout runs on.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_signalled)
            {
                _signalled = false;
                return true;
            }

            waiter = _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        try
        {
            await waiter.Task.WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }

        lock (_gate)
        {
            _signalled = false;
        }

        return true;
    }

    /// <summary>Stops following the key.</summary>
    public void Dispose() => _notifier.Remove(this);

    internal void Signal()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _signalled = true;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }
}
