using System.Runtime.CompilerServices;
using Agents.Persistence.Query;
using Agents.Persistence.Serialization;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Query;

public sealed partial class PostgreSqlReadJournal
{
    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(
        string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default) =>
        EventsByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, live: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> EventsByPersistenceId(
        string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default) =>
        EventsByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, live: true, cancellationToken);

    // Rows of one entity need no horizon: its writer stores them in sequence order, one batch at a time.
    private async IAsyncEnumerable<EventEnvelope> EventsByPersistenceId(
        string persistenceId, long fromSequenceNr, long toSequenceNr, bool live,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        using var subscription = live ? _changes.Subscribe(ChangeNotifier.PersistenceIdKey(persistenceId)) : null;
        var next = fromSequenceNr;
        var outage = new Outage();
        while (next <= toSequenceNr)
        {
            var from = next;
            var page = await ReadAsync(
                live, outage, () => ReadPageAsync(
                    _sql.ByPersistenceId,
                    p =>
                    {
                        p.Add(new NpgsqlParameter { Value = persistenceId });
                        p.Add(new NpgsqlParameter { Value = from });
                        p.Add(new NpgsqlParameter { Value = toSequenceNr });
                        p.Add(new NpgsqlParameter { Value = (long)_pageSize });
                    },
                    r => (Ordering: r.GetInt64(0), SequenceNr: r.GetInt64(1),
                        Payload: new SerializedPayload(r.GetString(2), r.GetInt32(3), r.GetFieldValue<byte[]>(4)),
                        Tags: r.GetFieldValue<string[]>(5), Timestamp: r.GetFieldValue<DateTimeOffset>(7)),
                    $"Reading events of '{persistenceId}'", cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                yield return ToEnvelope(row.Ordering, persistenceId, row.SequenceNr, row.Payload, row.Tags, row.Timestamp);
                next = row.SequenceNr + 1;
            }

            if (page.Count == _pageSize)
            {
                continue;
            }

            if (subscription is null || next > toSequenceNr)
            {
                yield break;
            }

            await subscription.WaitAsync(_pollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
