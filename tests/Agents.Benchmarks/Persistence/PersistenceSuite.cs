using System.Runtime.CompilerServices;
using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Persistence.PostgreSql;
using Agents.Persistence.Snapshots;

namespace Agents.Benchmarks.Persistence;

/// <summary>
/// The PostgreSQL journal against raw Npgsql on the same server, table shape and 200-byte JSON payload: group
/// commit, sequential writes, recovery by replay and from a snapshot, and live tag query latency, at the journal level
/// and (<c>persist.actors.*</c>, <c>recovery.actors.*</c>) through persistent actors. A private server
/// is started for the suite (fsync and synchronous_commit on) and deleted afterwards. The concurrent pairs alternate
/// short slices and average them; the other throughput pairs run in alternating rounds and keep each side's best
/// round: other work on the machine only ever slows a round down.
/// </summary>
public sealed class PersistenceSuite : IBenchmarkSuite
{
    /// <inheritdoc />
    public string Name => "persistence";

    /// <inheritdoc />
    public async IAsyncEnumerable<BenchmarkResult> RunAsync(
        BenchmarkOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = options.Quick ? TimeSpan.FromSeconds(2.5) : TimeSpan.FromSeconds(8);
        var rounds = options.Quick ? 2 : 3;
        var replayEvents = options.Quick ? 100_000 : 1_000_000;
        await using var db = await BenchDatabase.StartAsync(cancellationToken);
        await using var store = await PostgreSqlPersistence.StartAsync(db.DataSource, db.Serializer);

        // Warm up both paths (JIT, connection pool, prepared statements).
        await RawBaselines.SingleRowCommitsAsync(db, TimeSpan.FromMilliseconds(300), cancellationToken);
        await RawBaselines.BatchedInsertsAsync(db, TimeSpan.FromMilliseconds(300), cancellationToken);
        await JournalBenchmarks.ConcurrentWritersAsync(store, 100, TimeSpan.FromMilliseconds(500), "warm", cancellationToken);
        await using var system = ActorSystem.Create("bench-persistence");
        system.AddPersistence(store.Journal, store.SnapshotStore, serializer: db.Serializer);
        await ActorBenchmarks.ConcurrentAsync(system, 100, TimeSpan.FromMilliseconds(500), "actors-warm", false, cancellationToken);
        await SequentialBenchmark.RunAsync(store, db, TimeSpan.FromMilliseconds(500), cancellationToken);
        await ActorBenchmarks.SequentialAsync(system, db, TimeSpan.FromMilliseconds(500), cancellationToken);

        var slices = options.Quick ? 6 : 12;
        var slice = options.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2);
        var (concurrent, rawBatched) = await InterleavedAsync(
            slices,
            r => JournalBenchmarks.ConcurrentWritersAsync(store, 1000, slice, $"concurrent-{r}", cancellationToken),
            _ => RawBaselines.BatchedInsertsAsync(db, slice, cancellationToken));
        yield return new BenchmarkResult("persist.concurrent", concurrent, "events/s", rawBatched, true,
            "≥ 80 % of raw 100-row INSERTs of one entity (1,000 writers)");

        var (actorsConcurrent, actorsRawBatched) = await InterleavedAsync(
            slices,
            r => ActorBenchmarks.ConcurrentAsync(system, 1000, slice, $"actors-concurrent-{r}", false, cancellationToken),
            _ => RawBaselines.BatchedInsertsAsync(db, slice, cancellationToken));
        yield return new BenchmarkResult("persist.actors.concurrent", actorsConcurrent, "events/s", actorsRawBatched, true,
            "≥ 80 % of raw 100-row INSERTs of one entity (1,000 persistent actors, Persist, reply when durable)");

        // The baseline above writes one entity, whose index keys arrive in order; 1,000 actors write 1,000 entities.
        var rawSpread = 0.0;
        for (var round = 0; round < rounds; round++)
        {
            rawSpread = Math.Max(rawSpread, await RawBaselines.MultiRowInsertsAsync(db, 1000, window, cancellationToken));
        }

        yield return new BenchmarkResult("persist.concurrent.entities", concurrent, "events/s", rawSpread, true,
            "for information: raw 100-row INSERTs over the same 1,000 entities");

        var (sequential, rawSingle) = await SequentialBenchmark.RunAsync(store, db, window * rounds, cancellationToken);
        yield return new BenchmarkResult("persist.sequential", sequential, "events/s", rawSingle, true,
            "≥ 90 % of raw single-row commits (interleaved)");

        var (actorSequential, actorRawSingle) = await ActorBenchmarks.SequentialAsync(system, db, window * rounds, cancellationToken);
        yield return new BenchmarkResult("persist.actors.sequential", actorSequential, "events/s", actorRawSingle, true,
            "≥ 90 % of raw single-row commits (one actor, Persist, Ask per command, interleaved)");

        await JournalBenchmarks.FillEntityAsync(store, "replayed", 1, replayEvents, cancellationToken);
        await db.ExecuteAsync("VACUUM ANALYZE agents.journal", cancellationToken);
        await RawBaselines.ReadBackAsync(db, "agents", "replayed", cancellationToken);
        await JournalBenchmarks.ReplayAsync(store, "replayed", cancellationToken);
        var (replay, rawRead) = await BestOfAsync(
            options.Quick ? 5 : 3,
            _ => JournalBenchmarks.ReplayAsync(store, "replayed", cancellationToken),
            _ => RawBaselines.ReadBackAsync(db, "agents", "replayed", cancellationToken));
        yield return new BenchmarkResult("recovery.replay", replay, "events/s", rawRead, true,
            $"≥ 70 % of raw read-back ({replayEvents:N0} events, deserialized)");

        await ActorBenchmarks.RecoveryAsync(system, "replayed", cancellationToken);
        var (actorReplay, actorRawRead) = await BestOfAsync(
            options.Quick ? 5 : 3,
            _ => ActorBenchmarks.RecoveryAsync(system, "replayed", cancellationToken),
            _ => RawBaselines.ReadBackAsync(db, "agents", "replayed", cancellationToken));
        yield return new BenchmarkResult("recovery.actors.replay", actorReplay, "events/s", actorRawRead, true,
            $"≥ 70 % of raw read-back (a persistent actor recovering {replayEvents:N0} events)");

        await JournalBenchmarks.FillEntityAsync(store, "snapshotted", 1, 10_000, cancellationToken);
        await store.SnapshotStore.SaveAsync(
            new SnapshotMetadata("snapshotted", 9_100), new BenchState(9_100, [.. Enumerable.Range(0, 300).Select(i => i * 0.001)]),
            cancellationToken);
        var ours = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            raw.Add(await RawBaselines.SnapshotRecoveryAsync(db, "snapshotted", cancellationToken));
            ours.Add(await JournalBenchmarks.SnapshotRecoveryAsync(store, "snapshotted", cancellationToken));
        }

        yield return new BenchmarkResult("recovery.snapshot", Median(ours), "ms", Median(raw), false,
            "< 50 ms (snapshot + 900 events, median of 20)");

        var rawLatency = await RawBaselines.NotifyLatenciesAsync(db, 500, cancellationToken);
        await TagLatencyBenchmark.RunAsync(store, 10_000, TimeSpan.FromSeconds(1), cancellationToken);
        List<double>? latency = null;
        for (var round = 0; round < rounds; round++)
        {
            var sample = await TagLatencyBenchmark.RunAsync(store, 10_000, window, cancellationToken);
            if (latency is null || TagLatencyBenchmark.Percentile(sample, 99) < TagLatencyBenchmark.Percentile(latency, 99))
            {
                latency = sample;
            }
        }

        yield return new BenchmarkResult("tag.latency.p50", TagLatencyBenchmark.Percentile(latency!, 50), "ms",
            TagLatencyBenchmark.Percentile(rawLatency, 50), false,
            "< 5 ms at 10,000 events/s (baseline: raw NOTIFY→LISTEN)");
        yield return new BenchmarkResult("tag.latency.p99", TagLatencyBenchmark.Percentile(latency!, 99), "ms",
            TagLatencyBenchmark.Percentile(rawLatency, 99), false, "< 25 ms at 10,000 events/s");

        // PersistAsync against Persist on the in-memory journal: the actor's own cost, without a database.
        await using var memory = ActorSystem.Create("bench-persistence-memory");
        memory.AddInMemoryPersistence(db.Serializer);
        var burst = options.Quick ? 100_000 : 500_000;
        await ActorBenchmarks.BurstAsync(memory, burst, false, cancellationToken);
        await ActorBenchmarks.BurstAsync(memory, burst, true, cancellationToken);
        var (persistAsync, persist) = await BestOfAsync(
            rounds + 1,
            _ => ActorBenchmarks.BurstAsync(memory, burst, true, cancellationToken),
            _ => ActorBenchmarks.BurstAsync(memory, burst, false, cancellationToken));
        yield return new BenchmarkResult("persist.actors.memory.async", persistAsync, "events/s", persist, true,
            $"for information: PersistAsync vs Persist (baseline), one actor sent {burst:N0} commands, in-memory journal");
    }

    /// <summary>
    /// Alternates short slices of both sides and averages each side's rate over its slices, so both meet the same
    /// conditions (a checkpoint or a slow second of the disk lands on both alike). Used for the concurrent pairs,
    /// whose best of two or three long rounds swung by ±10 % from run to run.
    /// </summary>
    private static async Task<(double Ours, double Baseline)> InterleavedAsync(
        int slices, Func<int, Task<double>> ours, Func<int, Task<double>> baseline)
    {
        double sum = 0, sumBaseline = 0;
        for (var slice = 0; slice < slices; slice++)
        {
            sumBaseline += await baseline(slice);
            sum += await ours(slice);
        }

        return (sum / slices, sumBaseline / slices);
    }

    /// <summary>Alternates rounds of both sides and keeps each side's best.</summary>
    private static async Task<(double Ours, double Baseline)> BestOfAsync(
        int rounds, Func<int, Task<double>> ours, Func<int, Task<double>> baseline)
    {
        double best = 0, bestBaseline = 0;
        for (var round = 0; round < rounds; round++)
        {
            bestBaseline = Math.Max(bestBaseline, await baseline(round));
            best = Math.Max(best, await ours(round));
        }

        return (best, bestBaseline);
    }

    private static double Median(List<double> values) => TagLatencyBenchmark.Percentile(values, 50);
}
