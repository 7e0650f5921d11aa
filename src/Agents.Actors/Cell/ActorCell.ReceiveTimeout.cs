namespace Agents.Actors;

internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } value && (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan))
        {
            timeout = null;
        }
        if (timeout is null && _extras?.ReceiveTimeout is null)
        {
            return;
        }
        var extras = Extras;
        CancelReceiveTimeout();
        extras.ReceiveTimeout = timeout;
        if (timeout is { } delay)
        {
            extras.LastActivity = System.TimeProvider.GetTimestamp();
            ScheduleReceiveTimeoutCheck(extras, delay);
        }
    }

    private void CancelReceiveTimeout()
    {
        if (_extras is { } extras)
        {
            extras.ReceiveTimeoutGeneration++;
            extras.ReceiveTimeoutCheck?.Cancel();
            extras.ReceiveTimeoutCheck = null;
        }
    }

    private void ScheduleReceiveTimeoutCheck(CellExtras extras, TimeSpan delay) =>
        extras.ReceiveTimeoutCheck = System.Scheduler.ScheduleTellOnce(
            delay, _self, new ReceiveTimeoutTick(extras.ReceiveTimeoutGeneration), null);

    /// <summary>
    /// The check scheduled for the end of an idle period: deliver <see cref="Actors.ReceiveTimeout"/> if
    /// nothing arrived since, otherwise check again when the period counted from the last message ends.
    /// </summary>
    private void OnReceiveTimeoutTick(ReceiveTimeoutTick tick)
    {
        if (_extras is not { ReceiveTimeout: { } timeout } extras || tick.Generation != extras.ReceiveTimeoutGeneration)
        {
            return;
        }
        var time = System.TimeProvider;
        var idle = time.GetElapsedTime(extras.LastActivity);
        if (idle < timeout)
        {
            ScheduleReceiveTimeoutCheck(extras, timeout - idle);
            return;
        }
        extras.LastActivity = time.GetTimestamp();
        ScheduleReceiveTimeoutCheck(extras, timeout);
        _currentMessage = Actors.ReceiveTimeout.Instance;
        ReceiveMessage(Actors.ReceiveTimeout.Instance);
    }
}
