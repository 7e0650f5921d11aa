namespace Agents.Persistence.InMemory;

/// <summary>Timestamps as PostgreSQL keeps them (UTC, whole microseconds), so both stores return equal values.</summary>
internal static class StoreTime
{
    public static DateTimeOffset ToStored(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }
}
