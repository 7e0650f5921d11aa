using System.Runtime.CompilerServices;
using Agents.Persistence.Query;

namespace Agents.Persistence.InMemory;

public sealed partial class InMemoryJournal :
    ICurrentEventsByPersistenceIdQuery, IEventsByPersistenceIdQuery,
    ICurrentEventsByTagQuery, IEventsByTagQuery,
    ICurrentPersistenceIdsQuery, IPersistenceIdsQuery
{
    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(
        string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default) =>
        EventsByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, live: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> EventsByPersistenceId(
        string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default) =>
        EventsByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, live: true, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(
        string tag, Offset offset, CancellationToken cancellationToken = default) =>
        EventsByTag(tag, offset, live: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> EventsByTag(
        string tag, Offset offset, CancellationToken cancellationToken = default) =>
        EventsByTag(tag, offset, live: true, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<string> CurrentPersistenceIds(CancellationToken cancellationToken = default) =>
        PersistenceIds(live: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<string> PersistenceIds(CancellationToken cancellationToken = default) =>
        PersistenceIds(live: true, cancellationToken);

    private async IAsyncEnumerable<EventEnvelope> EventsByPersistenceId(
        string persistenceId, long fromSequenceNr, long toSequenceNr, bool live,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        using var subscription = live ? _notifier.Subscribe(ChangeNotifier.PersistenceIdKey(persistenceId)) : null;
        var next = fromSequenceNr;
        while (next <= toSequenceNr)
        {
            var page = ReadEntityPage(persistenceId, next, toSequenceNr, PageSize);
            foreach (var row in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return ToEnvelope(row);
            }

            if (page.Count > 0)
            {
                next = page[^1].Stored.SequenceNr + 1;
            }

            if (page.Count == PageSize)
            {
                continue;
            }

            if (subscription is null || next > toSequenceNr)
            {
                yield break;
            }

            await subscription.WaitAsync(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<EventEnvelope> EventsByTag(
        string tag, Offset offset, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        using var subscription = live ? _notifier.Subscribe(ChangeNotifier.TagKey(tag)) : null;
        int next, end;
        lock (_gate)
        {
            next = StartIndex(tag, offset);
            end = _byTag.TryGetValue(tag, out var rows) ? rows.Count : 0;
        }

        while (true)
        {
            var page = new List<Row>();
            lock (_gate)
            {
                var rows = _byTag.GetValueOrDefault(tag) ?? [];
                var stop = live ? rows.Count : end;
                for (; next < stop && page.Count < PageSize; next++)
                {
                    if (!IsDeleted(rows[next]))
                    {
                        page.Add(rows[next]);
                    }
                }

                if (!live && next >= end)
                {
                    end = -1;
                }
            }

            foreach (var row in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return ToEnvelope(row);
            }

            if (end == -1)
            {
                yield break;
            }

            if (page.Count < PageSize)
            {
                await subscription!.WaitAsync(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async IAsyncEnumerable<string> PersistenceIds(bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = live ? _notifier.Subscribe(ChangeNotifier.PersistenceIdsKey) : null;
        int end;
        lock (_gate)
        {
            end = _persistenceIds.Count;
        }

        var next = 0;
        while (true)
        {
            string[] page;
            lock (_gate)
            {
                var stop = live ? _persistenceIds.Count : end;
                page = [.. _persistenceIds.GetRange(next, Math.Min(stop - next, PageSize))];
            }

            foreach (var id in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return id;
            }

            next += page.Length;
            if (!live && next >= end)
            {
                yield break;
            }

            if (page.Length < PageSize)
            {
                await subscription!.WaitAsync(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Index in the tag's rows of the first event after <paramref name="offset"/>.</summary>
    private int StartIndex(string tag, Offset offset)
    {
        var ordering = offset switch
        {
            NoOffset => 0L,
            Sequence { Value: 0 } => 0L,
            Sequence { Value: > 0 } s when s.Value <= _rows.Count => s.Value,
            Sequence s => throw UnknownOffset(s),
            _ => throw new ArgumentException(
                $"The in-memory journal understands Offset.NoOffset and Offset.Sequence, not {offset.GetType().Name}.",
                nameof(offset)),
        };
        var rows = _byTag.GetValueOrDefault(tag);
        if (rows is null)
        {
            return 0;
        }

        int low = 0, high = rows.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (rows[mid].Ordering <= ordering)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static ArgumentException UnknownOffset(Sequence offset) => new(
        $"Offset {offset.Value} names no event of this journal. Pass an offset taken from an EventEnvelope of " +
        "this store, or Offset.NoOffset to start at the beginning.", nameof(offset));

    private EventEnvelope ToEnvelope(Row row)
    {
        var e = _codec.Decode(row.Stored);
        return new EventEnvelope(Offset.Sequence(row.Ordering), e.PersistenceId, e.SequenceNr, e.Payload, e.Timestamp, e.Tags);
    }
}
