using System.Runtime.CompilerServices;
using Agents.Persistence.Query;
using Npgsql;
using NpgsqlTypes;

namespace Agents.Persistence.PostgreSql.Query;

public sealed partial class PostgreSqlReadJournal
{
    /// <inheritdoc />
    public IAsyncEnumerable<string> CurrentPersistenceIds(CancellationToken cancellationToken = default) =>
        PersistenceIds(live: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<string> PersistenceIds(CancellationToken cancellationToken = default) =>
        PersistenceIds(live: true, cancellationToken);

    // An entity appears with its event 1; the partial index journal_first_events holds exactly those rows.
    private async IAsyncEnumerable<string> PersistenceIds(bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = live ? _changes.Subscribe(ChangeNotifier.PersistenceIdsKey) : null;
        var position = StreamPosition.Start;
        var retry = FirstRetry;
        var waiting = false;
        var outage = new Outage();
        while (true)
        {
            var from = position;
            var page = await ReadAsync(live, outage, () => ReadPageAsync(
                live ? _sql.LivePersistenceIds : _sql.CurrentPersistenceIds,
                p =>
                {
                    p.Add(new NpgsqlParameter { Value = from.Transaction, NpgsqlDbType = NpgsqlDbType.Xid8 });
                    p.Add(new NpgsqlParameter { Value = from.Ordering });
                    p.Add(new NpgsqlParameter { Value = (long)_pageSize });
                },
                r =>
                {
                    var first = live ? 2 : 0;
                    waiting = live && !r.IsDBNull(1) && r.GetFieldValue<ulong>(1) >= r.GetFieldValue<ulong>(0);
                    return r.IsDBNull(first)
                        ? ((StreamPosition, string)?)null
                        : (new StreamPosition(r.GetFieldValue<ulong>(first), r.GetInt64(first + 1)), r.GetString(first + 2));
                },
                "Reading persistence ids", cancellationToken), cancellationToken).ConfigureAwait(false);
            var rows = page.Where(row => row.HasValue).Select(row => row!.Value).ToList();
            foreach (var (at, persistenceId) in rows)
            {
                position = at;
                yield return persistenceId;
            }

            if (rows.Count == _pageSize)
            {
                retry = FirstRetry;
                continue;
            }

            if (subscription is null)
            {
                yield break;
            }

            retry = await WaitAsync(subscription, waiting ? retry : null, cancellationToken).ConfigureAwait(false);
        }
    }
}
