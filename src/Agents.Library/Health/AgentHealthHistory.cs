using Agents.Platform.Agents;

namespace Agents.Library.Health;

/// <summary>
/// What the heartbeat health agent saw of one agent over its looks: the heartbeat gaps, restart growth and reported
/// failures, each kept only while it is within the window. Kept in memory; after a restart the health agent starts
/// observing afresh.
/// </summary>
internal sealed class AgentHealthHistory(DateTimeOffset firstSeen)
{
    private readonly Queue<(DateTimeOffset At, TimeSpan Gap)> _gaps = new();
    private readonly Queue<(DateTimeOffset At, int Count)> _restarts = new();
    private readonly Queue<DateTimeOffset> _failures = new();
    private DateTimeOffset? _lastHeartbeat;
    private int? _lastRestarts;

    /// <summary>Counts a failure reported at <paramref name="at"/>.</summary>
    public void RecordFailure(DateTimeOffset at) => _failures.Enqueue(at);

    /// <summary>Takes in one look at the agent and answers its signals at <paramref name="now"/>.</summary>
    /// <remarks>
    /// A new heartbeat time gives a gap from the one seen before. Restarts count only as growth seen by this agent: a
    /// count that falls (the agent was activated again) is a new baseline.
    /// </remarks>
    public HealthSignals Observe(AgentInfo info, DateTimeOffset now, TimeSpan checkEvery, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.LastHeartbeat is { } heartbeat)
        {
            if (_lastHeartbeat is { } previous && heartbeat > previous)
            {
                _gaps.Enqueue((now, heartbeat - previous));
            }

            if (_lastHeartbeat is null || heartbeat > _lastHeartbeat)
            {
                _lastHeartbeat = heartbeat;
            }
        }

        if (_lastRestarts is { } before && info.Restarts > before)
        {
            _restarts.Enqueue((now, info.Restarts - before));
        }

        _lastRestarts = info.Restarts;
        var since = now - window;
        Prune(_gaps, g => g.At, since);
        Prune(_restarts, r => r.At, since);
        Prune(_failures, f => f, since);
        var longest = TimeSpan.Zero;
        foreach (var (_, gap) in _gaps)
        {
            longest = gap > longest ? gap : longest;
        }

        var silence = now - (_lastHeartbeat ?? firstSeen);
        var interval = (info.Definition.Heartbeat ?? AgentHeartbeat.Default).Interval;
        return new HealthSignals(
            interval, checkEvery, silence < TimeSpan.Zero ? TimeSpan.Zero : silence, longest, _failures.Count,
            _restarts.Sum(r => r.Count), info.Status == AgentStatus.Failed, window);
    }

    private static void Prune<T>(Queue<T> queue, Func<T, DateTimeOffset> at, DateTimeOffset since)
    {
        while (queue.TryPeek(out var oldest) && at(oldest) < since)
        {
            queue.Dequeue();
        }
    }
}
