using Agents.Persistence;
using Agents.Persistence.PostgreSql;

namespace Agents.Benchmarks.Persistence;

/// <summary>
/// One writer awaiting each write before the next, through the journal and as a raw single-row INSERT commit,
/// interleaved write by write so that both see the same load on the machine; each side's writes/s over the time
/// it spent.
/// </summary>
internal static class SequentialBenchmark
{
    public static Task<(double Ours, double Raw)> RunAsync(
        PostgreSqlPersistence store, BenchDatabase db, TimeSpan duration, CancellationToken cancellationToken)
    {
        var pid = "sequential-" + Guid.NewGuid().ToString("N");
        return InterleavedCommits.MeasureAsync(db, "raw-sequential-", duration, async n =>
        {
            var results = await store.Journal.WriteMessagesAsync(
                [new AtomicWrite(new PersistentRepresentation(pid, n, BenchEvent.Create((int)n)) { WriterId = "bench" })],
                cancellationToken);
            if (results[0] is { } rejected)
            {
                throw rejected;
            }
        }, cancellationToken);
    }
}
