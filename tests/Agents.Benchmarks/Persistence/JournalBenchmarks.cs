using System.Diagnostics;
using Agents.Persistence;
using Agents.Persistence.PostgreSql;
using Agents.Persistence.Snapshots;

namespace Agents.Benchmarks.Persistence;

/// <summary>Our figures at the journal level, with concurrent tasks standing in for persistent actors.</summary>
internal static class JournalBenchmarks
{
    /// <summary>
    /// <paramref name="writers"/> tasks, each persisting one event of its own entity and awaiting it before the
    /// next, for <paramref name="duration"/>; events/s.
    /// </summary>
    public static async Task<double> ConcurrentWritersAsync(
        PostgreSqlPersistence store, int writers, TimeSpan duration, string prefix, CancellationToken cancellationToken)
    {
        long events = 0;
        var watch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var pid = $"{prefix}-{w}";
            for (var seq = 1L; watch.Elapsed < duration && !cancellationToken.IsCancellationRequested; seq++)
            {
                var results = await store.Journal.WriteMessagesAsync(
                    [new AtomicWrite(new PersistentRepresentation(pid, seq, BenchEvent.Create((int)seq)) { WriterId = "bench" })],
                    cancellationToken);
                if (results[0] is { } rejected)
                {
                    throw rejected;
                }

                Interlocked.Increment(ref events);
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(tasks);
        return events / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Writes <paramref name="count"/> events of one entity in atomic writes of 1,000.</summary>
    public static async Task FillEntityAsync(PostgreSqlPersistence store, string pid, long from, int count, CancellationToken cancellationToken)
    {
        const int Chunk = 1000;
        var pending = new List<Task<IReadOnlyList<Exception?>>>();
        for (var start = from; start < from + count; start += Chunk)
        {
            var events = new List<PersistentRepresentation>(Chunk);
            for (var seq = start; seq < Math.Min(start + Chunk, from + count); seq++)
            {
                events.Add(new PersistentRepresentation(pid, seq, BenchEvent.Create((int)seq)) { WriterId = "bench" });
            }

            pending.Add(store.Journal.WriteMessagesAsync([new AtomicWrite(events)], cancellationToken));
            if (pending.Count == 8)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    /// <summary>Replays every event of one entity, deserialized; events/s.</summary>
    public static async Task<double> ReplayAsync(PostgreSqlPersistence store, string pid, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        long events = 0, check = 0;
        await foreach (var e in store.Journal.ReplayMessagesAsync(pid, 1, long.MaxValue, long.MaxValue, cancellationToken))
        {
            check += ((BenchEvent)e.Payload).Epoch;
            events++;
        }

        GC.KeepAlive(check);
        return events / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Recovers an entity the way a persistent actor does: latest snapshot, then the events after it; ms.</summary>
    public static async Task<double> SnapshotRecoveryAsync(PostgreSqlPersistence store, string pid, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var snapshot = await store.SnapshotStore.LoadAsync(pid, SnapshotSelectionCriteria.Latest, cancellationToken)
            ?? throw new InvalidOperationException($"No snapshot of {pid}.");
        var state = (BenchState)snapshot.Snapshot;
        var epochs = state.Epochs;
        await foreach (var e in store.Journal.ReplayMessagesAsync(pid, snapshot.Metadata.SequenceNr + 1, long.MaxValue, long.MaxValue, cancellationToken))
        {
            epochs = Math.Max(epochs, ((BenchEvent)e.Payload).Epoch);
        }

        GC.KeepAlive(epochs);
        return watch.Elapsed.TotalMilliseconds;
    }
}
