using System.Runtime.CompilerServices;
using Agents.Persistence.Query;
using Agents.Persistence.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Agents.Persistence.PostgreSql.Query;

public sealed partial class PostgreSqlReadJournal
{
    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(string tag, Offset offset, CancellationToken cancellationToken = default) =>
        EventsByTag(tag, offset, live: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> EventsByTag(string tag, Offset offset, CancellationToken cancellationToken = default) =>
        EventsByTag(tag, offset, live: true, cancellationToken);

    private async IAsyncEnumerable<EventEnvelope> EventsByTag(
        string tag, Offset offset, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        ArgumentNullException.ThrowIfNull(offset);
        using var subscription = _changes.Subscribe(ChangeNotifier.TagKey(tag));
        var position = await StartAsync(offset, cancellationToken).ConfigureAwait(false);
        var upper = ulong.MaxValue;
        if (!live)
        {
            // Everything committed now must be included, and nothing may come out of order: read up to the newest
            // transaction that tagged this tag, waiting for older transactions still in flight to finish.
            if (await TagUpperBoundAsync(tag, cancellationToken).ConfigureAwait(false) is not { } newest)
            {
                yield break;
            }

            upper = newest;
        }

        var retry = FirstRetry;
        var outage = new Outage();
        while (true)
        {
            var at = position;
            var (horizon, waiting, page) = await ReadAsync(
                live, outage, () => ReadTagPageAsync(tag, at, upper, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                position = new StreamPosition(row.Transaction, row.Ordering);
                if (!row.Deleted)
                {
                    yield return ToEnvelope(row.Ordering, row.PersistenceId, row.SequenceNr, row.Payload, row.Tags, row.Timestamp);
                }
            }

            if (page.Count == _pageSize)
            {
                retry = FirstRetry;
                continue;
            }

            if (!live && horizon > upper)
            {
                yield break;
            }

            retry = await WaitAsync(subscription, live && !waiting ? null : retry, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StreamPosition> StartAsync(Offset offset, CancellationToken cancellationToken)
    {
        switch (offset)
        {
            case NoOffset:
            case Sequence { Value: 0 }:
                return StreamPosition.Start;
            case Sequence { Value: > 0 } sequence:
                var transactions = await ReadPageAsync(
                    _sql.OffsetTransaction, p => p.Add(new NpgsqlParameter { Value = sequence.Value }),
                    r => r.GetFieldValue<ulong>(0), $"Resolving offset {sequence.Value}", cancellationToken).ConfigureAwait(false);
                return transactions.Count == 1
                    ? new StreamPosition(transactions[0], sequence.Value)
                    : throw UnknownOffset(sequence.Value);
            case Sequence sequence:
                throw UnknownOffset(sequence.Value);
            default:
                throw new ArgumentException(
                    $"The PostgreSQL read journal understands Offset.NoOffset and Offset.Sequence, not {offset.GetType().Name}.",
                    nameof(offset));
        }
    }

    private async Task<ulong?> TagUpperBoundAsync(string tag, CancellationToken cancellationToken)
    {
        var newest = await ReadPageAsync(
            _sql.TagUpperBound, p => p.Add(new NpgsqlParameter { Value = tag }),
            r => r.IsDBNull(0) ? (ulong?)null : r.GetFieldValue<ulong>(0), $"Reading tag '{tag}'", cancellationToken).ConfigureAwait(false);
        return newest[0];
    }

    /// <returns>The horizon, whether committed rows wait behind it, and the rows below it.</returns>
    private async Task<(ulong Horizon, bool Waiting, List<TagRow> Page)> ReadTagPageAsync(
        string tag, StreamPosition position, ulong upper, CancellationToken cancellationToken)
    {
        var horizon = 0UL;
        var waiting = false;
        var rows = await ReadPageAsync(
            _sql.ByTag,
            p =>
            {
                p.Add(new NpgsqlParameter { Value = tag });
                p.Add(new NpgsqlParameter { Value = position.Transaction, NpgsqlDbType = NpgsqlDbType.Xid8 });
                p.Add(new NpgsqlParameter { Value = position.Ordering });
                p.Add(new NpgsqlParameter { Value = (long)_pageSize });
                p.Add(new NpgsqlParameter { Value = upper, NpgsqlDbType = NpgsqlDbType.Xid8 });
            },
            r =>
            {
                horizon = r.GetFieldValue<ulong>(0);
                waiting = !r.IsDBNull(1) && r.GetFieldValue<ulong>(1) >= horizon;
                return r.IsDBNull(2)
                    ? null
                    : new TagRow(
                        r.GetFieldValue<ulong>(2), r.GetInt64(3), r.GetString(4), r.GetInt64(5),
                        new SerializedPayload(r.GetString(6), r.GetInt32(7), r.GetFieldValue<byte[]>(8)),
                        r.GetFieldValue<string[]>(9), r.GetFieldValue<DateTimeOffset>(10), r.GetBoolean(11));
            },
            $"Reading tag '{tag}'", cancellationToken).ConfigureAwait(false);
        return (horizon, waiting, rows.Where(row => row is not null).Select(row => row!).ToList());
    }

    private sealed record TagRow(
        ulong Transaction, long Ordering, string PersistenceId, long SequenceNr, SerializedPayload Payload,
        string[] Tags, DateTimeOffset Timestamp, bool Deleted);
}
