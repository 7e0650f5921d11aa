using System.Diagnostics;
using Agents.Persistence;
using Agents.Persistence.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace Agents.Benchmarks.Persistence;

/// <summary>
/// One writer awaiting each write before the next, through the journal and as a raw single-row INSERT commit,
/// interleaved write by write so that both see the same load on the machine; each side's writes/s over the time
/// it spent.
/// </summary>
internal static class SequentialBenchmark
{
    public static async Task<(double Ours, double Raw)> RunAsync(
        PostgreSqlPersistence store, BenchDatabase db, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        await using var raw = new NpgsqlCommand(
            "INSERT INTO raw.journal (persistence_id, sequence_nr, manifest, version, payload, tags, writer, created_at) " +
            "VALUES ($1, $2, 'bench.measured', 1, $3, '{}', 'raw', $4)", connection);
        var rawPid = "raw-sequential-" + Guid.NewGuid().ToString("N");
        var pid = "sequential-" + Guid.NewGuid().ToString("N");
        var sequenceNr = new NpgsqlParameter<long>();
        var time = new NpgsqlParameter<DateTimeOffset>();
        raw.Parameters.Add(new NpgsqlParameter<string> { TypedValue = rawPid });
        raw.Parameters.Add(sequenceNr);
        raw.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = db.Payload, NpgsqlDbType = NpgsqlDbType.Jsonb });
        raw.Parameters.Add(time);
        await raw.PrepareAsync(cancellationToken);

        var watch = Stopwatch.StartNew();
        long writes = 0, rawTicks = 0, ourTicks = 0;
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            writes++;
            var start = Stopwatch.GetTimestamp();
            sequenceNr.TypedValue = writes;
            time.TypedValue = DateTimeOffset.UtcNow;
            await raw.ExecuteNonQueryAsync(cancellationToken);
            var middle = Stopwatch.GetTimestamp();
            var results = await store.Journal.WriteMessagesAsync(
                [new AtomicWrite(new PersistentRepresentation(pid, writes, BenchEvent.Create((int)writes)) { WriterId = "bench" })],
                cancellationToken);
            var end = Stopwatch.GetTimestamp();
            if (results[0] is { } rejected)
            {
                throw rejected;
            }

            rawTicks += middle - start;
            ourTicks += end - middle;
        }

        return (writes * (double)Stopwatch.Frequency / ourTicks, writes * (double)Stopwatch.Frequency / rawTicks);
    }
}
