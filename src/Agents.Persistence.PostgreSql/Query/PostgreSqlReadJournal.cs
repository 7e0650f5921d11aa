using Agents.Persistence.Journal;
using Agents.Persistence.PostgreSql.Journal;
using Agents.Persistence.Query;
using Agents.Persistence.Serialization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Query;

/// <summary>
/// The PostgreSQL read journal. Queries by tag and the live persistence id query read the global order
/// (transaction, ordering) and only rows whose transaction is below <c>pg_snapshot_xmin(pg_current_snapshot())</c>,
/// so a row committed late by a concurrent transaction is still delivered, in place, exactly once. Live queries
/// wake on LISTEN/NOTIFY (one listening connection per store) and poll every
/// <see cref="PostgreSqlPersistenceOptions.LivePollInterval"/> as a fallback. Obtain it from
/// <see cref="PostgreSqlPersistence"/>.
/// </summary>
/// <remarks>
/// <para>
/// A transaction that stays open for long anywhere in the PostgreSQL cluster holds the horizon back and delays
/// live tag queries until it ends; keep <c>idle_in_transaction_session_timeout</c> set.
/// </para>
/// <para>
/// Failures. A live query outlives database outages: a read that fails is logged and repeated with a backoff (50 ms
/// doubling up to the poll interval), and the query goes on from where it was once the database is back. A current
/// query fails with <see cref="JournalStorageException"/> instead, since it promises to end. Both end with an
/// <see cref="EventDeserializationException"/> (naming the entity, sequence number and manifest) at an event they
/// cannot read back, after delivering every event before it: a query never skips an event silently, as in Akka.NET,
/// where such a stream fails. Repair or upcast the stored event, then start the query again from the offset of the
/// last event it delivered.
/// </para>
/// </remarks>
public sealed partial class PostgreSqlReadJournal :
    ICurrentEventsByPersistenceIdQuery, IEventsByPersistenceIdQuery,
    ICurrentEventsByTagQuery, IEventsByTagQuery,
    ICurrentPersistenceIdsQuery, IPersistenceIdsQuery,
    IAsyncDisposable
{
    // A current query that waits for older transactions to finish re-reads after this, doubling up to the poll interval.
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(5);

    private readonly EventCodec _codec;
    private readonly ChangeNotifier _changes;
    private readonly TimeProvider _time;
    private readonly int _pageSize;
    private readonly TimeSpan _pollInterval;
    private readonly NotificationListener _listener;
    private readonly ReadSql _sql;
    private readonly PageReader _pages;

    internal PostgreSqlReadJournal(
        NpgsqlDataSource dataSource, JournalSql journalSql, EventCodec codec, PostgreSqlPersistenceOptions options,
        ChangeNotifier changes, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _codec = codec;
        _changes = changes;
        _time = time;
        _pageSize = options.QueryPageSize;
        _pollInterval = options.LivePollInterval;
        _sql = new ReadSql(journalSql.Schema);
        var logger = loggerFactory.CreateLogger<PostgreSqlReadJournal>();
        _pages = new PageReader(dataSource, options.LivePollInterval, time, logger);
        _listener = new NotificationListener(dataSource, journalSql, changes, options.LivePollInterval, time, logger);
    }

    /// <summary>Completes once the store listens for change notifications from other processes.</summary>
    public Task Listening => _listener.Listening;

    /// <summary>Stops listening for change notifications. Safe to call more than once.</summary>
    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private EventEnvelope ToEnvelope(
        long ordering, string persistenceId, long sequenceNr, SerializedPayload payload, string[] tags, DateTimeOffset timestamp) =>
        new(Offset.Sequence(ordering), persistenceId, sequenceNr, _codec.DecodePayload(persistenceId, sequenceNr, payload), timestamp, tags);

    /// <summary>Runs a page query and maps its rows, turning driver failures into storage exceptions.</summary>
    private Task<List<T>> ReadPageAsync<T>(
        string sql, Action<NpgsqlParameterCollection> parameters, Func<NpgsqlDataReader, T> map, string what,
        CancellationToken cancellationToken) =>
        _pages.ReadPageAsync(sql, parameters, map, what, cancellationToken);

    /// <summary>
    /// Waits for a change hint, at most <paramref name="retry"/> when rows are known to be waiting (or a current
    /// query waits for older transactions), else at most the poll interval; returns the next retry delay.
    /// </summary>
    private async Task<TimeSpan> WaitAsync(ChangeSubscription subscription, TimeSpan? retry, CancellationToken cancellationToken)
    {
        await subscription.WaitAsync(retry ?? _pollInterval, _time, cancellationToken).ConfigureAwait(false);
        if (retry is not { } delay)
        {
            return FirstRetry;
        }

        return delay * 2 < _pollInterval ? delay * 2 : _pollInterval;
    }

    /// <summary>Reads once for a current query, and until it succeeds for a live one.</summary>
    private Task<T> ReadAsync<T>(bool live, Outage outage, Func<Task<T>> read, CancellationToken cancellationToken) =>
        _pages.ReadAsync(live, outage, read, cancellationToken);

    private static ArgumentException UnknownOffset(long value) => new(
        $"Offset {value} names no event of this journal. Pass an offset taken from an EventEnvelope of this store, " +
        "or Offset.NoOffset to start at the beginning.", "offset");
}
