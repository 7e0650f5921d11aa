namespace Agents.Actors;

/// <summary>How often one child was restarted in the current window, for a strategy's retry limit.</summary>
internal sealed class ChildRestartStats
{
    private int _restartCount;
    private long _windowStart;
    private bool _windowStarted;

    public int RestartCount => _restartCount;

    /// <summary>
    /// Counts a restart and says whether it stays within <paramref name="maxNrOfRetries"/>
    /// (-1: unlimited) inside <paramref name="withinTimeRange"/> (null: no window).
    /// </summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? withinTimeRange, TimeProvider time)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }
        if (withinTimeRange is not { } window)
        {
            if (maxNrOfRetries < 0)
            {
                return true;
            }
            _restartCount++;
            return _restartCount <= maxNrOfRetries;
        }
        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = time.GetTimestamp();
        if (!_windowStarted)
        {
            _windowStart = now;
            _windowStarted = true;
        }
        if (time.GetElapsedTime(_windowStart, now) <= window)
        {
            _restartCount++;
            return _restartCount <= retries;
        }
        _restartCount = 1;
        _windowStart = now;
        return true;
    }
}
