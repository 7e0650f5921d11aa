namespace Agents.Persistence.PostgreSql.Query;

/// <summary>
/// The backoff of one live query (or listener) while the database is unreachable: 50 ms, doubling up to a cap,
/// and back to the start once a read succeeds.
/// </summary>
internal sealed class Outage
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);

    private TimeSpan _next = FirstDelay;

    /// <summary>The delay before the next attempt, at most <paramref name="cap"/>.</summary>
    public TimeSpan NextDelay(TimeSpan cap)
    {
        var delay = _next < cap ? _next : cap;
        _next = delay * 2;
        return delay;
    }

    /// <summary>An attempt succeeded: the next outage starts with the shortest delay again.</summary>
    public void End() => _next = FirstDelay;
}
