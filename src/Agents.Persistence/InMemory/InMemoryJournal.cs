using System.Runtime.CompilerServices;
using Agents.Persistence.Adapters;
using Agents.Persistence.Journal;
using Agents.Persistence.Query;
using Agents.Persistence.Serialization;

namespace Agents.Persistence.InMemory;

/// <summary>
/// A journal and read journal kept in process memory, for tests and single-process tools. It behaves like the
/// PostgreSQL store in everything the contracts say: events are serialized on write (so rejections, upcasting and
/// bad-data errors are the same), a reused sequence number fences the second writer, deleted events keep the
/// highest sequence number, and live queries see later writes.
/// </summary>
public sealed partial class InMemoryJournal : IJournal
{
    private const int PageSize = 1000;

    private readonly EventCodec _codec;
    private readonly TimeProvider _time;
    private readonly ChangeNotifier _notifier = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EntityLog> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Row>> _byTag = new(StringComparer.Ordinal);
    private readonly List<Row> _rows = [];
    private readonly List<string> _persistenceIds = [];

    /// <summary>Creates an empty journal.</summary>
    /// <param name="serializer">Serializes payloads on write and reads them back on replay.</param>
    /// <param name="writeAdapters">Applied to every event before it is serialized, e.g. to tag it.</param>
    /// <param name="timeProvider">Stamps stored events; defaults to the system clock.</param>
    public InMemoryJournal(
        IEventSerializer serializer, IEnumerable<IWriteEventAdapter>? writeAdapters = null, TimeProvider? timeProvider = null)
    {
        _codec = new EventCodec(serializer, writeAdapters);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Exception?>> WriteMessagesAsync(
        IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<Exception?>>(cancellationToken);
        }

        try
        {
            return Task.FromResult(Write(writes));
        }
        catch (SequenceNumberConflictException e)
        {
            return Task.FromException<IReadOnlyList<Exception?>>(e);
        }
    }

    private IReadOnlyList<Exception?> Write(IReadOnlyList<AtomicWrite> writes)
    {
        var results = new Exception?[writes.Count];
        var accepted = new List<StoredEvent[]>(writes.Count);
        var timestamp = StoreTime.ToStored(_time.GetUtcNow());
        for (var i = 0; i < writes.Count; i++)
        {
            try
            {
                accepted.Add(_codec.Encode(writes[i], timestamp));
            }
            catch (WriteRejectedException e)
            {
                results[i] = e;
            }
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            ThrowOnConflict(accepted);
            foreach (var stored in accepted.SelectMany(events => events))
            {
                Append(stored, changed);
            }
        }

        foreach (var key in changed)
        {
            _notifier.Notify(key);
        }

        return results;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PersistentRepresentation> ReplayMessagesAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        var next = fromSequenceNr;
        var remaining = max;
        while (remaining > 0)
        {
            var page = ReadEntityPage(persistenceId, next, toSequenceNr, (int)Math.Min(remaining, PageSize));
            foreach (var row in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return _codec.Decode(row.Stored);
            }

            if (page.Count < Math.Min(remaining, PageSize))
            {
                yield break;
            }

            remaining -= page.Count;
            next = page[^1].Stored.SequenceNr + 1;
            await Task.Yield();
        }
    }

    /// <inheritdoc />
    public Task<long> ReadHighestSequenceNrAsync(
        string persistenceId, long fromSequenceNr = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        lock (_gate)
        {
            return Task.FromResult(_entities.TryGetValue(persistenceId, out var log) ? log.HighestSequenceNr : 0L);
        }
    }

    /// <inheritdoc />
    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_entities.TryGetValue(persistenceId, out var log))
            {
                log.DeletedTo = Math.Max(log.DeletedTo, Math.Min(toSequenceNr, log.HighestSequenceNr));
            }
        }

        return Task.CompletedTask;
    }

    private void ThrowOnConflict(List<StoredEvent[]> accepted)
    {
        var inCall = new HashSet<(string, long)>();
        foreach (var stored in accepted.SelectMany(events => events))
        {
            var taken = !inCall.Add((stored.PersistenceId, stored.SequenceNr))
                || (_entities.TryGetValue(stored.PersistenceId, out var log) && log.IndexOf(stored.SequenceNr) >= 0);
            if (taken)
            {
                throw new SequenceNumberConflictException(stored.PersistenceId, stored.SequenceNr);
            }
        }
    }

    private void Append(StoredEvent stored, HashSet<string> changed)
    {
        var row = new Row(_rows.Count + 1, stored);
        _rows.Add(row);
        if (!_entities.TryGetValue(stored.PersistenceId, out var log))
        {
            log = new EntityLog();
            _entities.Add(stored.PersistenceId, log);
        }

        log.Insert(row);
        changed.Add(ChangeNotifier.PersistenceIdKey(stored.PersistenceId));
        if (stored.SequenceNr == 1)
        {
            _persistenceIds.Add(stored.PersistenceId);
            changed.Add(ChangeNotifier.PersistenceIdsKey);
        }

        foreach (var tag in stored.Tags)
        {
            if (!_byTag.TryGetValue(tag, out var tagged))
            {
                tagged = [];
                _byTag.Add(tag, tagged);
            }

            tagged.Add(row);
            changed.Add(ChangeNotifier.TagKey(tag));
        }
    }

    private List<Row> ReadEntityPage(string persistenceId, long fromSequenceNr, long toSequenceNr, int max)
    {
        var page = new List<Row>();
        lock (_gate)
        {
            if (max <= 0 || fromSequenceNr > toSequenceNr || !_entities.TryGetValue(persistenceId, out var log))
            {
                return page;
            }

            var start = log.IndexOf(Math.Max(fromSequenceNr, log.DeletedTo + 1));
            for (var i = start < 0 ? ~start : start; i < log.Rows.Count && page.Count < max; i++)
            {
                var row = log.Rows[i];
                if (row.Stored.SequenceNr > toSequenceNr)
                {
                    break;
                }

                page.Add(row);
            }
        }

        return page;
    }

    private bool IsDeleted(Row row) =>
        _entities.TryGetValue(row.Stored.PersistenceId, out var log) && row.Stored.SequenceNr <= log.DeletedTo;

    private sealed record Row(long Ordering, StoredEvent Stored);

    private sealed class EntityLog
    {
        public List<Row> Rows { get; } = [];

        public long HighestSequenceNr { get; private set; }

        public long DeletedTo { get; set; }

        /// <summary>Index of the row with <paramref name="sequenceNr"/>, or the complement of where it would go.</summary>
        public int IndexOf(long sequenceNr)
        {
            int low = 0, high = Rows.Count - 1;
            while (low <= high)
            {
                var mid = (low + high) >>> 1;
                var value = Rows[mid].Stored.SequenceNr;
                if (value == sequenceNr)
                {
                    return mid;
                }

                if (value < sequenceNr)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return ~low;
        }

        public void Insert(Row row)
        {
            var index = IndexOf(row.Stored.SequenceNr);
            Rows.Insert(~index, row);
            HighestSequenceNr = Math.Max(HighestSequenceNr, row.Stored.SequenceNr);
        }
    }
}
