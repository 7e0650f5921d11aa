using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>
/// The system scheduler: a binary min-heap of <see cref="ScheduledWork"/> ordered by due time (then
/// by scheduling order), driven by one <see cref="ITimer"/> of the system's <see cref="TimeProvider"/>
/// armed for the earliest live entry. An idle system has no timer ticking, and a controllable provider
/// fires due entries one due time after another when the test advances it. Cancelled entries are
/// dropped when they reach the top, and the heap is compacted whenever it doubles, so cancelled
/// work never holds more than about half the heap.
/// </summary>
internal sealed class TimerQueueScheduler : IScheduler, IDisposable
{
    // ITimer.Change accepts at most ~49 days; longer delays re-arm when the timer fires early.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(1);
    private static readonly TimeSpan Forever = TimeSpan.FromDays(365 * 100);
    private const int MinCompactionSize = 1024;

    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private readonly double _timestampsPerTick;
    private ScheduledWork[] _heap = new ScheduledWork[16];
    private int _count;
    private long _sequence;
    private long _armedDue = long.MaxValue;
    private int _compactAt = MinCompactionSize;
    private bool _stopped;

    public TimerQueueScheduler(TimeProvider time, ILogger log)
    {
        _time = time;
        _log = log;
        _timestampsPerTick = (double)time.TimestampFrequency / TimeSpan.TicksPerSecond;
        using (ExecutionContext.SuppressFlow())
        {
            _timer = time.CreateTimer(static s => ((TimerQueueScheduler)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public TimeProvider TimeProvider => _time;

    /// <summary>The number of pending entries that are not cancelled.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                var live = 0;
                for (var i = 0; i < _count; i++)
                {
                    if (!_heap[i].IsCancellationRequested)
                    {
                        live++;
                    }
                }
                return live;
            }
        }
    }

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var work = new ScheduledTell(receiver, message, sender);
        Schedule(work, delay, TimeSpan.Zero);
        return work;
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        CheckInterval(interval);
        var work = new ScheduledTell(receiver, message, sender);
        Schedule(work, initialDelay, interval);
        return work;
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var work = new ScheduledAction(action);
        Schedule(work, delay, TimeSpan.Zero);
        return work;
    }

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        CheckInterval(interval);
        var work = new ScheduledAction(action);
        Schedule(work, initialDelay, interval);
        return work;
    }

    /// <summary>
    /// Adds <paramref name="work"/>, due after <paramref name="delay"/> and then every
    /// <paramref name="period"/> (zero: once). A due time already reached runs the work right away on
    /// the calling thread. Returns <see langword="false"/> when the scheduler has stopped.
    /// </summary>
    public bool Schedule(ScheduledWork work, TimeSpan delay, TimeSpan period)
    {
        if (delay < TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
        {
            delay = TimeSpan.Zero;
        }
        var periodStamps = period > TimeSpan.Zero ? ToTimestamp(period) : 0;
        if (delay == TimeSpan.Zero)
        {
            Run(work);
            if (periodStamps == 0 || work.IsCancellationRequested)
            {
                return true;
            }
            delay = period;
        }
        var now = _time.GetTimestamp();
        var due = now + ToTimestamp(delay);
        lock (_lock)
        {
            if (_stopped)
            {
                return false;
            }
            if (work.IsCancellationRequested)
            {
                return true;
            }
            work.Due = due;
            work.Period = periodStamps;
            work.Sequence = _sequence++;
            if (_count >= _compactAt)
            {
                Compact();
            }
            Push(work);
            if (due < _armedDue)
            {
                Arm(due, now);
            }
        }
        return true;
    }

    public void Dispose()
    {
        ScheduledWork[] pending;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
            pending = _heap[.._count];
            Array.Clear(_heap);
            _count = 0;
        }
        _timer.Dispose();
        foreach (var work in pending)
        {
            if (work.IsCancellationRequested)
            {
                continue;
            }
            try
            {
                work.OnSchedulerStopped();
            }
            catch (Exception e)
            {
                LogMessages.ScheduledWorkFailed(_log, e);
            }
        }
    }

    private void OnTimer()
    {
        while (true)
        {
            ScheduledWork work;
            lock (_lock)
            {
                if (_stopped)
                {
                    return;
                }
                var now = _time.GetTimestamp();
                while (_count > 0 && _heap[0].IsCancellationRequested)
                {
                    RemoveTop();
                }
                if (_count == 0 || _heap[0].Due > now)
                {
                    _armedDue = long.MaxValue;
                    if (_count > 0)
                    {
                        Arm(_heap[0].Due, now);
                    }
                    return;
                }
                work = _heap[0];
                RemoveTop();
                if (work.Period > 0 && !work.IsCancellationRequested)
                {
                    work.Due += work.Period;
                    work.Sequence = _sequence++;
                    Push(work);
                }
            }
            Run(work);
        }
    }

    private void Run(ScheduledWork work)
    {
        if (work.IsCancellationRequested)
        {
            return;
        }
        try
        {
            work.Execute();
        }
        catch (Exception e)
        {
            LogMessages.ScheduledWorkFailed(_log, e);
        }
    }

    private void Arm(long due, long now)
    {
        _armedDue = due;
        var wait = TimeSpan.FromTicks((long)Math.Ceiling((due - now) / _timestampsPerTick));
        if (wait <= TimeSpan.Zero)
        {
            wait = TimeSpan.FromTicks(1);
        }
        else if (wait > MaxTimerDelay)
        {
            wait = MaxTimerDelay;
        }
        _timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private long ToTimestamp(TimeSpan span)
    {
        if (span == Timeout.InfiniteTimeSpan || span >= Forever)
        {
            return long.MaxValue / 4;
        }
        return Math.Max(1, (long)Math.Ceiling(span.Ticks * _timestampsPerTick));
    }

    private static void CheckInterval(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A repeated schedule needs a positive interval.");
        }
    }

    private static bool Earlier(ScheduledWork a, ScheduledWork b) => a.Due < b.Due || (a.Due == b.Due && a.Sequence < b.Sequence);

    private void Push(ScheduledWork work)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }
        _heap[_count] = work;
        SiftUp(_count++);
    }

    private void RemoveTop()
    {
        var last = _heap[--_count];
        _heap[_count] = null!;
        if (_count > 0)
        {
            _heap[0] = last;
            SiftDown(0);
        }
    }

    /// <summary>Drops cancelled entries and rebuilds the heap; O(n), run when the heap has doubled.</summary>
    private void Compact()
    {
        var live = 0;
        for (var i = 0; i < _count; i++)
        {
            if (!_heap[i].IsCancellationRequested)
            {
                _heap[live++] = _heap[i];
            }
        }
        Array.Clear(_heap, live, _count - live);
        _count = live;
        for (var i = _count / 2 - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
        _compactAt = Math.Max(MinCompactionSize, _count * 2);
    }

    private void SiftUp(int index)
    {
        var work = _heap[index];
        while (index > 0)
        {
            var parentIndex = (index - 1) / 2;
            var parent = _heap[parentIndex];
            if (!Earlier(work, parent))
            {
                break;
            }
            _heap[index] = parent;
            index = parentIndex;
        }
        _heap[index] = work;
    }

    private void SiftDown(int index)
    {
        var work = _heap[index];
        while (true)
        {
            var child = 2 * index + 1;
            if (child >= _count)
            {
                break;
            }
            if (child + 1 < _count && Earlier(_heap[child + 1], _heap[child]))
            {
                child++;
            }
            if (!Earlier(_heap[child], work))
            {
                break;
            }
            _heap[index] = _heap[child];
            index = child;
        }
        _heap[index] = work;
    }
}
