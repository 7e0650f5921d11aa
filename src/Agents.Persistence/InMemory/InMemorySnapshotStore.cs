using Agents.Persistence.Journal;
using Agents.Persistence.Serialization;
using Agents.Persistence.Snapshots;

namespace Agents.Persistence.InMemory;

/// <summary>
/// A snapshot store kept in process memory that behaves like the PostgreSQL one: snapshots are serialized on save,
/// timestamps are kept in UTC with microsecond precision, and unreadable snapshots fail with the same error.
/// </summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly EventCodec _codec;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedList<long, (SnapshotMetadata Metadata, SerializedPayload Payload)>> _byEntity =
        new(StringComparer.Ordinal);

    /// <summary>Creates an empty store.</summary>
    /// <param name="serializer">Serializes snapshots.</param>
    /// <param name="timeProvider">Stamps snapshots saved without a timestamp; defaults to the system clock.</param>
    public InMemorySnapshotStore(IEventSerializer serializer, TimeProvider? timeProvider = null)
    {
        _codec = new EventCodec(serializer);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<SelectedSnapshot?> LoadAsync(
        string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        (SnapshotMetadata Metadata, SerializedPayload Payload)? selected = null;
        lock (_gate)
        {
            if (_byEntity.TryGetValue(persistenceId, out var snapshots))
            {
                for (var i = snapshots.Count - 1; i >= 0 && selected is null; i--)
                {
                    var candidate = snapshots.GetValueAtIndex(i);
                    if (criteria.IsMatch(candidate.Metadata))
                    {
                        selected = candidate;
                    }
                }
            }
        }

        if (selected is not { } found)
        {
            return Task.FromResult<SelectedSnapshot?>(null);
        }

        try
        {
            var state = _codec.DecodePayload(persistenceId, found.Metadata.SequenceNr, found.Payload);
            return Task.FromResult<SelectedSnapshot?>(new SelectedSnapshot(found.Metadata, state));
        }
        catch (EventDeserializationException e)
        {
            return Task.FromException<SelectedSnapshot?>(e);
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        SerializedPayload payload;
        try
        {
            payload = _codec.Serializer.Serialize(snapshot);
        }
        catch (EventSerializationException e)
        {
            return Task.FromException(e);
        }

        var stored = metadata with
        {
            Timestamp = StoreTime.ToStored(metadata.Timestamp == default ? _time.GetUtcNow() : metadata.Timestamp),
        };
        lock (_gate)
        {
            if (!_byEntity.TryGetValue(metadata.PersistenceId, out var snapshots))
            {
                snapshots = [];
                _byEntity.Add(metadata.PersistenceId, snapshots);
            }

            snapshots[metadata.SequenceNr] = (stored, payload);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        lock (_gate)
        {
            if (_byEntity.TryGetValue(metadata.PersistenceId, out var snapshots))
            {
                snapshots.Remove(metadata.SequenceNr);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(
        string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        lock (_gate)
        {
            if (_byEntity.TryGetValue(persistenceId, out var snapshots))
            {
                foreach (var sequenceNr in snapshots.Values.Where(s => criteria.IsMatch(s.Metadata))
                             .Select(s => s.Metadata.SequenceNr).ToList())
                {
                    snapshots.Remove(sequenceNr);
                }
            }
        }

        return Task.CompletedTask;
    }
}
