using Agents.Persistence.PostgreSql.Journal;
using Agents.Persistence.PostgreSql.Query;
using Agents.Persistence.Query;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Agents.Persistence.PostgreSql.Topics;

/// <summary>
/// The durable topic log on PostgreSQL: events are rows of <c>topic_events</c> (payload as <c>jsonb</c>), appended
/// through a group-committing writer; durable subscription offsets are rows of <c>topic_subscriptions</c>. Reads
/// follow the order (transaction, ordering) and only read rows whose transaction is below
/// <c>pg_snapshot_xmin(pg_current_snapshot())</c>, as the read journal's tag queries do, so an append that commits
/// late is still delivered, in place, exactly once; a <see cref="TopicOffset"/> is that (transaction, ordering)
/// pair. Live reads wake on the store's LISTEN/NOTIFY channel, poll every
/// <see cref="PostgreSqlPersistenceOptions.LivePollInterval"/> as a fallback and outlive database outages.
/// Obtain it from <see cref="PostgreSqlPersistence"/>.
/// </summary>
/// <remarks>
/// A transaction that stays open for long anywhere in the PostgreSQL cluster holds the horizon back and delays live
/// reads until it ends; keep <c>idle_in_transaction_session_timeout</c> set.
/// </remarks>
public sealed partial class PostgreSqlTopicLog : ITopicLog, ITopicSubscriptionStore, IAsyncDisposable
{
    /// <summary>The change key that wakes live topic reads, in-process and in NOTIFY payloads.</summary>
    internal const string ChangeKey = "topics";

    // A current read that waits for older transactions to finish re-reads after this, doubling up to the poll interval.
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(5);

    private readonly NpgsqlDataSource _dataSource;
    private readonly TopicSql _sql;
    private readonly TopicCodec _codec;
    private readonly ChangeNotifier _changes;
    private readonly TimeProvider _time;
    private readonly int _pageSize;
    private readonly TimeSpan _pollInterval;
    private readonly PageReader _pages;
    private readonly TopicWriter _writer;

    internal PostgreSqlTopicLog(
        NpgsqlDataSource dataSource, JournalSql journalSql, TopicCodec codec, PostgreSqlPersistenceOptions options,
        ChangeNotifier changes, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _dataSource = dataSource;
        _sql = new TopicSql(options.Schema);
        _codec = codec;
        _changes = changes;
        _time = time;
        _pageSize = options.QueryPageSize;
        _pollInterval = options.LivePollInterval;
        var logger = loggerFactory.CreateLogger<PostgreSqlTopicLog>();
        _pages = new PageReader(dataSource, options.LivePollInterval, time, logger);
        _writer = new TopicWriter(dataSource, _sql, journalSql, changes, options, time, logger);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TopicOffset>> AppendAsync(IReadOnlyList<TopicRecord> records, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<TopicOffset>>(cancellationToken);
        }

        StoredTopicEvent[] events;
        try
        {
            events = _codec.Encode(records, _time.GetUtcNow());
        }
        catch (Exception e) when (e is EventSerializationException or ArgumentException)
        {
            return Task.FromException<IReadOnlyList<TopicOffset>>(e);
        }

        return events.Length == 0
            ? Task.FromResult<IReadOnlyList<TopicOffset>>([])
            : _writer.AppendAsync(new AppendRequest(events));
    }

    /// <inheritdoc />
    public async Task<TopicOffset> ReadEndAsync(CancellationToken cancellationToken = default)
    {
        var rows = await _pages.ReadPageAsync(
            _sql.End, _ => { }, r => new TopicOffset(r.GetFieldValue<ulong>(0), r.GetInt64(1)),
            "Reading the end of the topic log", cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? TopicOffset.Start : rows[0];
    }

    /// <inheritdoc />
    public async Task<TopicOffset?> LoadOffsetAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        var rows = await _pages.ReadPageAsync(
            _sql.LoadOffset, p => p.Add(new NpgsqlParameter { Value = subscriptionId }),
            r => new TopicOffset(r.GetFieldValue<ulong>(0), r.GetInt64(1)),
            $"Loading the offset of topic subscription '{subscriptionId}'", cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<bool> StoreOffsetAsync(string subscriptionId, TopicOffset offset, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        try
        {
            await using var command = _dataSource.CreateCommand(_sql.StoreOffset);
            command.Parameters.Add(new NpgsqlParameter { Value = subscriptionId });
            command.Parameters.Add(new NpgsqlParameter { Value = offset.Batch, NpgsqlDbType = NpgsqlDbType.Xid8 });
            command.Parameters.Add(new NpgsqlParameter { Value = offset.Sequence });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            throw StorageFailure.Wrap(
                _dataSource, $"Storing offset {offset} of topic subscription '{subscriptionId}'", e,
                "The stored offset may not have moved; the subscription may see some events again after a restart.");
        }
    }

    /// <summary>Writes what is queued, then stops the writer. Safe to call more than once.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
