using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Agents.Benchmarks.Persistence;

/// <summary>
/// The sequential comparison: one raw prepared single-row INSERT commit, then one write of ours, alternately until
/// <c>duration</c> has passed, so both see the same load on the machine; each side's writes/s over the time it spent.
/// </summary>
internal static class InterleavedCommits
{
    /// <param name="db">The benchmark database; raw rows go to <c>raw.journal</c>.</param>
    /// <param name="rawPrefix">The prefix of the raw side's persistence id.</param>
    /// <param name="duration">How long to alternate.</param>
    /// <param name="writeOurs">Writes our event number N (1, 2, ...) and completes once it is durable.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<(double Ours, double Raw)> MeasureAsync(
        BenchDatabase db, string rawPrefix, TimeSpan duration, Func<long, Task> writeOurs, CancellationToken cancellationToken)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        await using var raw = new NpgsqlCommand(
            "INSERT INTO raw.journal (persistence_id, sequence_nr, manifest, version, payload, tags, writer, created_at) " +
            "VALUES ($1, $2, 'bench.measured', 1, $3, '{}', 'raw', $4)", connection);
        var sequenceNr = new NpgsqlParameter<long>();
        var time = new NpgsqlParameter<DateTimeOffset>();
        raw.Parameters.Add(new NpgsqlParameter<string> { TypedValue = rawPrefix + Guid.NewGuid().ToString("N") });
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
            await writeOurs(writes);
            var end = Stopwatch.GetTimestamp();
            rawTicks += middle - start;
            ourTicks += end - middle;
        }

        return (writes * (double)Stopwatch.Frequency / ourTicks, writes * (double)Stopwatch.Frequency / rawTicks);
    }
}
