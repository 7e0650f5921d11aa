using System.Diagnostics;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Agents.Benchmarks.Persistence;

/// <summary>What plain Npgsql does on the same table shape and payload, in the same run.</summary>
internal static class RawBaselines
{
    private const string Columns = "persistence_id, sequence_nr, manifest, version, payload, tags, writer, created_at";

    /// <summary>Single-row INSERTs from one client, each its own transaction; commits/s.</summary>
    public static async Task<double> SingleRowCommitsAsync(BenchDatabase db, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO raw.journal ({Columns}) VALUES ($1, $2, 'bench.measured', 1, $3, '{{}}', 'raw', $4)", connection);
        var pid = new NpgsqlParameter<string> { TypedValue = "raw-single-" + Guid.NewGuid().ToString("N") };
        var seq = new NpgsqlParameter<long>();
        var payload = new NpgsqlParameter<byte[]> { TypedValue = db.Payload, NpgsqlDbType = NpgsqlDbType.Jsonb };
        var time = new NpgsqlParameter<DateTimeOffset>();
        command.Parameters.AddRange(new NpgsqlParameter[] { pid, seq, payload, time });
        await command.PrepareAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        long commits = 0;
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            seq.TypedValue = ++commits;
            time.TypedValue = DateTimeOffset.UtcNow;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return commits / watch.Elapsed.TotalSeconds;
    }

    /// <summary>100-row multi-row INSERTs of one entity from one client, each its own transaction; events/s.</summary>
    public static Task<double> BatchedInsertsAsync(BenchDatabase db, TimeSpan duration, CancellationToken cancellationToken) =>
        MultiRowInsertsAsync(db, entities: 1, duration, cancellationToken);

    /// <summary>
    /// 100-row multi-row INSERTs whose rows cycle through <paramref name="entities"/> entities, as the writes of that
    /// many actors do; each its own transaction; events/s.
    /// </summary>
    public static async Task<double> MultiRowInsertsAsync(BenchDatabase db, int entities, TimeSpan duration, CancellationToken cancellationToken)
    {
        const int Rows = 100;
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        var prefix = $"raw-batched-{Guid.NewGuid():N}";
        var sql = new StringBuilder($"INSERT INTO raw.journal ({Columns}) VALUES ");
        await using var command = new NpgsqlCommand { Connection = connection };
        var persistenceIds = new NpgsqlParameter<string>[Rows];
        var sequenceNrs = new NpgsqlParameter<long>[Rows];
        for (var i = 0; i < Rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append($"(${(3 * i) + 1}, ${(3 * i) + 2}, 'bench.measured', 1, ${(3 * i) + 3}, '{{}}', 'raw', now())");
            persistenceIds[i] = new NpgsqlParameter<string>();
            sequenceNrs[i] = new NpgsqlParameter<long>();
            command.Parameters.Add(persistenceIds[i]);
            command.Parameters.Add(sequenceNrs[i]);
            command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = db.Payload, NpgsqlDbType = NpgsqlDbType.Jsonb });
        }

        command.CommandText = sql.ToString();
        await command.PrepareAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        long events = 0;
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            for (var i = 0; i < Rows; i++)
            {
                var entity = events % entities;
                persistenceIds[i].TypedValue = $"{prefix}-{entity}";
                sequenceNrs[i].TypedValue = (events / entities) + 1;
                events++;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return events / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Reads back every row of one entity, all columns, no deserialization; rows/s.</summary>
    public static async Task<double> ReadBackAsync(BenchDatabase db, string schema, string persistenceId, CancellationToken cancellationToken)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT sequence_nr, manifest, version, payload, tags, writer, created_at FROM {schema}.journal WHERE persistence_id = $1 ORDER BY sequence_nr",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        var watch = Stopwatch.StartNew();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0, check = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            check += reader.GetInt64(0) + reader.GetString(1).Length + reader.GetInt32(2) + reader.GetFieldValue<byte[]>(3).Length
                + reader.GetFieldValue<string[]>(4).Length + reader.GetString(5).Length + reader.GetFieldValue<DateTimeOffset>(6).Second;
            rows++;
        }

        GC.KeepAlive(check);
        return rows / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Loads the latest snapshot and the rows after it with plain SQL, no deserialization; ms.</summary>
    public static async Task<double> SnapshotRecoveryAsync(BenchDatabase db, string persistenceId, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        long from;
        await using (var snapshot = new NpgsqlCommand(
            "SELECT sequence_nr, payload FROM agents.snapshots WHERE persistence_id = $1 ORDER BY sequence_nr DESC LIMIT 1", connection))
        {
            snapshot.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
            await using var reader = await snapshot.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            from = reader.GetInt64(0) + 1;
            GC.KeepAlive(reader.GetFieldValue<byte[]>(1));
        }

        await using var events = new NpgsqlCommand(
            "SELECT sequence_nr, payload FROM agents.journal WHERE persistence_id = $1 AND sequence_nr >= $2 ORDER BY sequence_nr", connection);
        events.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        events.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
        await using (var reader = await events.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                GC.KeepAlive(reader.GetFieldValue<byte[]>(1));
            }
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>INSERT + NOTIFY committed by one client, received by a LISTEN connection; commit-to-receipt ms for each sample.</summary>
    public static async Task<List<double>> NotifyLatenciesAsync(BenchDatabase db, int samples, CancellationToken cancellationToken)
    {
        await using var listener = await db.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand("LISTEN raw_bench", listener))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        var received = new long[samples];
        var count = 0;
        using var arrived = new SemaphoreSlim(0);
        listener.Notification += (_, _) =>
        {
            received[Interlocked.Increment(ref count) - 1] = Stopwatch.GetTimestamp();
            arrived.Release();
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waiting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await listener.WaitAsync(stop.Token);
            }
        });

        await using var sender = await db.DataSource.OpenConnectionAsync(cancellationToken);
        var committed = new long[samples];
        for (var i = 0; i < samples; i++)
        {
            await using var batch = new NpgsqlBatch(sender)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("BEGIN"),
                    new NpgsqlBatchCommand($"INSERT INTO raw.journal ({Columns}) VALUES ('raw-notify', {i + 1}, 'bench.measured', 1, '{{}}', '{{}}', 'raw', now())"),
                    new NpgsqlBatchCommand("NOTIFY raw_bench"),
                    new NpgsqlBatchCommand("COMMIT"),
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);
            committed[i] = Stopwatch.GetTimestamp();
            await arrived.WaitAsync(cancellationToken);
        }

        await stop.CancelAsync();
        await waiting.ContinueWith(_ => { }, TaskScheduler.Default);
        return [.. Enumerable.Range(0, samples).Select(i => Math.Max(0, Stopwatch.GetElapsedTime(committed[i], received[i]).TotalMilliseconds))];
    }
}
