namespace Agents.TestKit;

/// <summary>
/// An append-only, thread-safe record of events (log entries, dead letters) that tests wait on: each
/// append wakes the waiters, which re-check their condition.
/// </summary>
public sealed class EventJournal<T>
{
    private readonly Lock _lock = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The number of events recorded.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>A snapshot of every event recorded.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. _items];
        }
    }

    /// <summary>The events recorded from position <paramref name="start"/> on.</summary>
    public IReadOnlyList<T> Since(int start)
    {
        lock (_lock)
        {
            return start >= _items.Count ? [] : _items.GetRange(start, _items.Count - start);
        }
    }

    /// <summary>Records an event built from its sequence number.</summary>
    public T Append(Func<long, T> create)
    {
        TaskCompletionSource changed;
        T item;
        lock (_lock)
        {
            item = create(_items.Count);
            _items.Add(item);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
        return item;
    }

    /// <summary>Records an event.</summary>
    public void Append(T item) => Append(_ => item);

    /// <summary>
    /// Waits (in real time, up to <paramref name="timeout"/>) until <paramref name="condition"/> holds
    /// for the events from <paramref name="start"/> on; returns whether it did.
    /// </summary>
    public async Task<bool> WaitAsync(int start, Func<IReadOnlyList<T>, bool> condition, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition(start >= _items.Count ? [] : _items.GetRange(start, _items.Count - start)))
                {
                    return true;
                }
                changed = _changed.Task;
            }
            var remaining = timeout - TimeProvider.System.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }
            try
            {
                await changed.WaitAsync(remaining).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }
}
