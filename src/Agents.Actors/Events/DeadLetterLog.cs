using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>
/// Logs dead letters and unhandled messages at most <see cref="ActorSystemSettings.DeadLetterLogLimit"/>
/// times per <see cref="ActorSystemSettings.DeadLetterLogInterval"/> (read from the system clock);
/// the rest are counted and reported in one summary line at the end of the interval.
/// </summary>
internal sealed class DeadLetterLog(ActorSystem system, ILogger log)
{
    private readonly Lock _lock = new();
    private long _windowStart = long.MinValue;
    private int _loggedInWindow;
    private long _suppressed;
    private bool _summaryScheduled;

    public void Record(object message, IActorRef sender, IActorRef recipient, bool unhandled, long count)
    {
        var settings = system.Settings;
        if (!settings.LogDeadLetters || message is IDeadLetterSuppression || !log.IsEnabled(LogLevel.Information))
        {
            return;
        }
        if (system.IsTerminating && !settings.LogDeadLettersDuringShutdown)
        {
            return;
        }
        var time = system.TimeProvider;
        bool write;
        bool scheduleSummary = false;
        long summary = 0;
        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (_windowStart == long.MinValue || time.GetElapsedTime(_windowStart, now) >= settings.DeadLetterLogInterval)
            {
                summary = _suppressed;
                _suppressed = 0;
                _windowStart = now;
                _loggedInWindow = 0;
            }
            write = _loggedInWindow < settings.DeadLetterLogLimit;
            if (write)
            {
                _loggedInWindow++;
            }
            else
            {
                _suppressed++;
                if (!_summaryScheduled)
                {
                    _summaryScheduled = true;
                    scheduleSummary = true;
                }
            }
        }
        if (summary > 0)
        {
            LogMessages.DeadLettersSuppressed(log, summary, settings.DeadLetterLogInterval, settings.DeadLetterLogLimit);
        }
        if (write)
        {
            if (unhandled)
            {
                LogMessages.Unhandled(log, message.GetType().Name, sender, recipient, count);
            }
            else
            {
                LogMessages.DeadLetter(log, message.GetType().Name, sender, recipient, count);
            }
        }
        if (scheduleSummary)
        {
            system.Scheduler.ScheduleOnce(settings.DeadLetterLogInterval, Flush);
        }
    }

    /// <summary>Writes the summary of what was suppressed so far.</summary>
    public void Flush()
    {
        long suppressed;
        lock (_lock)
        {
            suppressed = _suppressed;
            _suppressed = 0;
            _summaryScheduled = false;
        }
        if (suppressed > 0)
        {
            var settings = system.Settings;
            LogMessages.DeadLettersSuppressed(log, suppressed, settings.DeadLetterLogInterval, settings.DeadLetterLogLimit);
        }
    }
}
