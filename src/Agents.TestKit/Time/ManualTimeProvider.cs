namespace Agents.TestKit;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test says so. Timers created from it
/// fire, in due order and on the calling thread, when <see cref="Advance"/> or <see cref="SetUtcNow"/>
/// moves the clock past their due time; while a callback runs, the clock reads that timer's due time.
/// Periodic timers are re-armed and fire once per period crossed. A timer due now (zero due time)
/// fires on the next move, <c>Advance(TimeSpan.Zero)</c> included. Thread-safe.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>The start used when none is given: 2000-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _lock = new();
    private readonly Lock _advanceLock = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _start;
    private long _ticks;
    private long _sequence;

    /// <summary>Creates a clock that reads <paramref name="start"/> (default <see cref="DefaultStart"/>).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => _start = start ?? DefaultStart;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _start.AddTicks(_ticks);
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _ticks;
        }
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>How much time has passed since the clock was created.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(GetTimestamp());

    /// <summary>The number of armed timers.</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.Due >= 0);
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer due on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "Time only moves forward; Advance needs zero or a positive duration.");
        }
        lock (_advanceLock)
        {
            long target;
            lock (_lock)
            {
                target = _ticks + delta.Ticks;
            }
            MoveTo(target);
        }
    }

    /// <summary>Moves the clock forward to <paramref name="value"/>, firing every timer due on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is earlier than now.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_advanceLock)
        {
            long target;
            lock (_lock)
            {
                target = (value - _start).Ticks;
                if (target < _ticks)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, $"Time only moves forward; the clock already reads {_start.AddTicks(_ticks):O}.");
                }
            }
            MoveTo(target);
        }
    }

    /// <inheritdoc />
    public override string ToString() => GetUtcNow().ToString("O");

    private void MoveTo(long target)
    {
        while (true)
        {
            ManualTimer? next = null;
            lock (_lock)
            {
                foreach (var timer in _timers)
                {
                    if (timer.Due >= 0 && timer.Due <= target && (next is null || timer.Due < next.Due || (timer.Due == next.Due && timer.Sequence < next.Sequence)))
                    {
                        next = timer;
                    }
                }
                if (next is null)
                {
                    _ticks = target;
                    return;
                }
                if (next.Due > _ticks)
                {
                    _ticks = next.Due;
                }
                if (next.Period > 0)
                {
                    next.Due += next.Period;
                    next.Sequence = _sequence++;
                }
                else
                {
                    next.Due = -1;
                }
            }
            next.Fire();
        }
    }

    internal void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            if (timer.Disposed)
            {
                return;
            }
            timer.Due = dueTime == Timeout.InfiniteTimeSpan ? -1 : _ticks + Math.Max(0, dueTime.Ticks);
            timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
            timer.Sequence = _sequence++;
        }
    }

    internal void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            timer.Disposed = true;
            timer.Due = -1;
            _timers.Remove(timer);
        }
    }
}
