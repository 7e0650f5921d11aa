namespace Agents.Actors;

/// <summary>The <see cref="ITimerScheduler"/> of one actor, allocated on first use.</summary>
internal sealed class ActorTimers(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];

    public IReadOnlyCollection<object> ActiveTimers => [.. _timers.Keys];

    public void StartSingleTimer(object key, object message, TimeSpan delay) =>
        Start(key, message, delay, TimeSpan.Zero, periodic: false);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) =>
        Start(key, message, interval, interval, periodic: true);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, message, initialDelay, interval, periodic: true);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_timers.Remove(key, out var entry))
        {
            entry.Scheduled?.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Scheduled?.Cancel();
        }
        _timers.Clear();
    }

    /// <summary>Unwraps a timer's message if its timer is still the active one for its key.</summary>
    public bool TryTake(TimerMessage timerMessage, out object message)
    {
        var entry = timerMessage.Entry;
        if (_timers.TryGetValue(entry.Key, out var active) && ReferenceEquals(active, entry))
        {
            if (!entry.Periodic)
            {
                _timers.Remove(entry.Key);
            }
            message = entry.Message;
            return true;
        }
        message = null!;
        return false;
    }

    private void Start(object key, object message, TimeSpan initialDelay, TimeSpan interval, bool periodic)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        if (initialDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(initialDelay), initialDelay, $"Timer '{key}' of {cell.Self.Path} needs a delay of zero or more.");
        }
        if (periodic && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"Periodic timer '{key}' of {cell.Self.Path} needs a positive interval.");
        }
        Cancel(key);
        var entry = new Entry(key, message, periodic);
        _timers[key] = entry;
        var scheduler = cell.System.Scheduler;
        var timerMessage = new TimerMessage(entry);
        entry.Scheduled = periodic
            ? scheduler.ScheduleTellRepeatedly(initialDelay, interval, cell.Self, timerMessage, null)
            : scheduler.ScheduleTellOnce(initialDelay, cell.Self, timerMessage, null);
    }

    internal sealed class Entry(object key, object message, bool periodic)
    {
        public object Key { get; } = key;
        public object Message { get; } = message;
        public bool Periodic { get; } = periodic;
        public ICancelable? Scheduled { get; set; }
    }
}
