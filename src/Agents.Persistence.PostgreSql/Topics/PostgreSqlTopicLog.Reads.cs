using System.Runtime.CompilerServices;
using Agents.Persistence.PostgreSql.Query;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Npgsql;
using NpgsqlTypes;

namespace Agents.Persistence.PostgreSql.Topics;

public sealed partial class PostgreSqlTopicLog
{
    /// <inheritdoc />
    public IAsyncEnumerable<TopicEnvelope> ReadAsync(
        TopicOffset after, TopicFilter? filter = null, CancellationToken cancellationToken = default) =>
        ReadAsync(after, filter ?? TopicFilter.All, live: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<TopicEnvelope> SubscribeAsync(
        TopicOffset after, TopicFilter? filter = null, CancellationToken cancellationToken = default) =>
        ReadAsync(after, filter ?? TopicFilter.All, live: true, cancellationToken);

    private async IAsyncEnumerable<TopicEnvelope> ReadAsync(
        TopicOffset after, TopicFilter filter, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = _changes.Subscribe(ChangeKey);
        var prefixes = filter.Prefixes is { Count: > 0 } given ? given.ToArray() : null;
        var position = after;
        var upper = ulong.MaxValue;
        if (!live)
        {
            // Everything committed now must be included, and nothing may come out of order: read up to the newest
            // transaction that appended, waiting for older transactions still in flight to finish.
            if (await UpperBoundAsync(cancellationToken).ConfigureAwait(false) is not { } newest)
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
            var (horizon, waiting, page) = await _pages.ReadAsync(
                live, outage, () => ReadPageAsync(at, upper, prefixes, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var (offset, stored) in page)
            {
                position = offset;
                if (filter.Matches is null || filter.Matches(stored.Topic))
                {
                    yield return _codec.Decode(offset, stored);
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

            // Wait for a hint; only briefly when committed rows wait behind an older transaction (or a current read
            // waits for one), since no hint announces that transaction's end.
            await subscription.WaitAsync(live && !waiting ? _pollInterval : retry, _time, cancellationToken).ConfigureAwait(false);
            retry = live && !waiting ? FirstRetry : (retry * 2 < _pollInterval ? retry * 2 : _pollInterval);
        }
    }

    private async Task<ulong?> UpperBoundAsync(CancellationToken cancellationToken)
    {
        var newest = await _pages.ReadPageAsync(
            _sql.UpperBound, _ => { }, r => r.IsDBNull(0) ? (ulong?)null : r.GetFieldValue<ulong>(0),
            "Reading the topic log", cancellationToken).ConfigureAwait(false);
        return newest[0];
    }

    /// <returns>The horizon, whether committed rows wait behind it, and the rows below it.</returns>
    private async Task<(ulong Horizon, bool Waiting, List<(TopicOffset Offset, StoredTopicEvent Stored)> Page)> ReadPageAsync(
        TopicOffset position, ulong upper, string[]? prefixes, CancellationToken cancellationToken)
    {
        var horizon = 0UL;
        var waiting = false;
        var rows = await _pages.ReadPageAsync(
            _sql.Read,
            p =>
            {
                p.Add(new NpgsqlParameter { Value = position.Batch, NpgsqlDbType = NpgsqlDbType.Xid8 });
                p.Add(new NpgsqlParameter { Value = position.Sequence });
                p.Add(new NpgsqlParameter { Value = (long)_pageSize });
                p.Add(new NpgsqlParameter { Value = upper, NpgsqlDbType = NpgsqlDbType.Xid8 });
                p.Add(new NpgsqlParameter { Value = (object?)prefixes ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            },
            r =>
            {
                horizon = r.GetFieldValue<ulong>(0);
                waiting = !r.IsDBNull(1) && r.GetFieldValue<ulong>(1) >= horizon;
                return r.IsDBNull(2)
                    ? ((TopicOffset, StoredTopicEvent)?)null
                    : (new TopicOffset(r.GetFieldValue<ulong>(2), r.GetInt64(3)),
                        new StoredTopicEvent(
                            r.GetString(4), new SerializedPayload(r.GetString(5), r.GetInt32(6), r.GetFieldValue<byte[]>(7)),
                            r.GetString(8), r.GetFieldValue<DateTimeOffset>(9)));
            },
            "Reading the topic log", cancellationToken).ConfigureAwait(false);
        return (horizon, waiting, rows.Where(row => row is not null).Select(row => row!.Value).ToList());
    }
}
