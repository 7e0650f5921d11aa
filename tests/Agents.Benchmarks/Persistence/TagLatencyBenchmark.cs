using System.Collections.Concurrent;
using System.Diagnostics;
using Agents.Persistence;
using Agents.Persistence.PostgreSql;
using Agents.Persistence.Query;

namespace Agents.Benchmarks.Persistence;

/// <summary>
/// A live <c>EventsByTag</c> reader while writers persist tagged events at a steady rate: for each event, the time
/// from its commit (the moment its writer's task completed) to its delivery by the query, in ms.
/// </summary>
internal static class TagLatencyBenchmark
{
    public static async Task<List<double>> RunAsync(
        PostgreSqlPersistence store, int eventsPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        const int Entities = 100;
        var tag = "latency-" + Guid.NewGuid().ToString("N")[..8];
        var ticksPerSecond = 100;
        var perTick = eventsPerSecond / ticksPerSecond;
        var total = (int)(duration.TotalSeconds * ticksPerSecond) * perTick;
        var committed = new ConcurrentDictionary<(string, long), long>();
        var delivered = new List<((string, long) Key, long At)>(total);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(async () =>
        {
            await foreach (var e in store.ReadJournal.EventsByTag(tag, Offset.NoOffset, stop.Token))
            {
                delivered.Add(((e.PersistenceId, e.SequenceNr), Stopwatch.GetTimestamp()));
                if (delivered.Count == total)
                {
                    return;
                }
            }
        }, stop.Token);

        var writes = new List<Task>(total);
        var sequenceNrs = new long[Entities];
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / ticksPerSecond));
        for (var tick = 0; tick < total / perTick && await timer.WaitForNextTickAsync(cancellationToken); tick++)
        {
            for (var i = 0; i < perTick; i++)
            {
                var entity = ((tick * perTick) + i) % Entities;
                var key = ($"{tag}-{entity}", ++sequenceNrs[entity]);
                var write = store.Journal.WriteMessagesAsync(
                    [new AtomicWrite(new PersistentRepresentation(key.Item1, key.Item2, BenchEvent.Create((int)key.Item2)) { Tags = [tag] })],
                    cancellationToken);
                writes.Add(write.ContinueWith(
                    t =>
                    {
                        committed[key] = Stopwatch.GetTimestamp();
                        return t;
                    },
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap());
            }
        }

        await Task.WhenAll(writes);
        await reading.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return [.. delivered.Select(d => Math.Max(0, Stopwatch.GetElapsedTime(committed[d.Key], d.At).TotalMilliseconds))];
    }

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1)];
    }
}
