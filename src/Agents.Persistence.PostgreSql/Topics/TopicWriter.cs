using System.Data;
using Agents.Persistence.PostgreSql.Journal;
using Agents.Persistence.Query;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Agents.Persistence.PostgreSql.Topics;

/// <summary>
/// Group commit for the topic log, as <see cref="JournalWriter"/> does for the journal: appends queue up while one
/// batch commits and then go together in one INSERT (one round-trip, one transaction), and each caller's task
/// completes with its offsets only after COMMIT. After each batch, this process's live reads are woken at once and
/// the journal's <see cref="NotificationSender"/> mechanism tells other processes with one NOTIFY outside the insert
/// transaction. A batch that PostgreSQL refuses for one append's data is written again append by append, so a bad
/// append never fails innocent ones.
/// </summary>
internal sealed partial class TopicWriter : GroupCommitWriter<AppendRequest>
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TopicSql _sql;
    private readonly ChangeNotifier _changes;
    private readonly NotificationSender _sender;
    private readonly ILogger _logger;
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal) { PostgreSqlTopicLog.ChangeKey };
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _append;

    public TopicWriter(
        NpgsqlDataSource dataSource, TopicSql sql, JournalSql journalSql, ChangeNotifier changes, PostgreSqlPersistenceOptions options,
        TimeProvider time, ILogger logger)
        : base(options.MaxWriteBatchSize, TimeSpan.Zero, startOnCallerThread: false, time, logger)
    {
        _dataSource = dataSource;
        _sql = sql;
        _changes = changes;
        _sender = new NotificationSender(dataSource, journalSql, options.MinNotificationInterval, time, logger);
        _logger = logger;
        StartWriting();
    }

    /// <summary>Queues an append; its task completes with the offsets after the COMMIT that made it durable.</summary>
    public Task<IReadOnlyList<TopicOffset>> AppendAsync(AppendRequest request) =>
        TryEnqueue(request)
            ? request.Completion
            : Task.FromException<IReadOnlyList<TopicOffset>>(
                new ObjectDisposedException(nameof(PostgreSqlTopicLog), "The topic log was disposed; appends are no longer accepted."));

    /// <inheritdoc />
    protected override async Task OnStoppedAsync()
    {
        await DropConnectionAsync().ConfigureAwait(false);
        await _sender.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task WriteBatchAsync(List<AppendRequest> batch, int events)
    {
        try
        {
            var offsets = await InsertAsync(batch.SelectMany(r => r.Events).ToArray(), events).ConfigureAwait(false);
            Announce();
            var at = 0;
            foreach (var request in batch)
            {
                request.Succeed(offsets[at..(at + request.Events.Length)]);
                at += request.Events.Length;
            }
        }
        catch (PostgresException e) when (batch.Count > 1 && IsCausedByOneAppend(e))
        {
            LogIsolating(_logger, batch.Count, e.SqlState, e.MessageText);
            foreach (var request in batch)
            {
                await WriteBatchAsync([request], request.Events.Length).ConfigureAwait(false);
            }
        }
        catch (PostgresException e) when (IsCausedByOneAppend(e))
        {
            batch[0].Fail(new EventSerializationException(
                $"PostgreSQL refused the append of {events} topic events (first topic '{batch[0].Events[0].Topic}') " +
                $"({e.SqlState}): {e.MessageText} Nothing of it was stored.", e));
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            // The pool's idle connections may be as dead as the one that failed; the next batch should dial afresh.
            await DropConnectionAsync().ConfigureAwait(false);
            _dataSource.Clear();
            LogFailed(_logger, events, e);
            var failure = StorageFailure.Wrap(
                _dataSource, $"Appending {events} topic events of {batch.Count} callers", e,
                "Whether they were stored is unknown: append again once the database is reachable (readers may then see them twice).");
            foreach (var request in batch)
            {
                request.Fail(failure);
            }
        }
    }

    /// <summary>Inserts the rows in one statement (one implicit transaction) and returns their offsets in row order.</summary>
    private async Task<TopicOffset[]> InsertAsync(StoredTopicEvent[] rows, int count)
    {
        var command = await PreparedAppendAsync().ConfigureAwait(false);
        command.Parameters[0].Value = rows.Select(r => r.Topic).ToArray();
        command.Parameters[1].Value = rows.Select(r => r.Payload.Manifest).ToArray();
        command.Parameters[2].Value = rows.Select(r => r.Payload.Version).ToArray();
        command.Parameters[3].Value = rows.Select(r => InsertCommand.AsArray(r.Payload.Json)).ToArray();
        command.Parameters[4].Value = rows.Select(r => r.Publisher).ToArray();
        command.Parameters[5].Value = rows.Select(r => r.PublishedAt.ToUniversalTime()).ToArray();
        var offsets = new List<TopicOffset>(count);
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                offsets.Add(new TopicOffset(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)));
            }
        }

        // The identity values follow the rows' order (ORDER BY n); RETURNING is not promised to, so sort.
        offsets.Sort();
        return [.. offsets];
    }

    /// <summary>Wakes this process's live reads and tells other processes that a batch committed.</summary>
    private void Announce()
    {
        _changes.Notify(PostgreSqlTopicLog.ChangeKey);
        _sender.Send(_keys);
    }

    private async Task<NpgsqlCommand> PreparedAppendAsync()
    {
        if (_append is not null && _connection is { State: ConnectionState.Open })
        {
            return _append;
        }

        await DropConnectionAsync().ConfigureAwait(false);
        _connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        _append = new NpgsqlCommand(_sql.Append, _connection);
        foreach (var type in (ReadOnlySpan<NpgsqlDbType>)[NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Jsonb, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz])
        {
            _append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type });
        }

        await _append.PrepareAsync().ConfigureAwait(false);
        return _append;
    }

    private async Task DropConnectionAsync()
    {
        if (_append is not null)
        {
            await _append.DisposeAsync().ConfigureAwait(false);
            _append = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    /// <summary>Errors that one append's data causes, as opposed to the database failing.</summary>
    private static bool IsCausedByOneAppend(PostgresException e) =>
        e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("23", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Requests} topic appends failed with {SqlState} ({Reason}); writing them one by one to isolate the cause")]
    private static partial void LogIsolating(ILogger logger, int requests, string sqlState, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Events} topic events failed")]
    private static partial void LogFailed(ILogger logger, int events, Exception exception);
}
