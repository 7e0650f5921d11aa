namespace Agents.Persistence;

/// <summary>
/// The events of one <c>PersistAll</c>: events of a single entity with consecutive sequence numbers that a
/// journal stores all or nothing.
/// </summary>
public sealed class AtomicWrite
{
    /// <summary>Wraps one event.</summary>
    public AtomicWrite(PersistentRepresentation @event)
        : this([@event])
    {
    }

    /// <summary>Wraps several events of one entity.</summary>
    /// <exception cref="ArgumentException">
    /// The list is empty, names more than one persistence id, or its sequence numbers are not consecutive and
    /// ascending.
    /// </exception>
    public AtomicWrite(IReadOnlyList<PersistentRepresentation> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An atomic write needs at least one event.", nameof(events));
        }

        var first = events[0];
        for (var i = 1; i < events.Count; i++)
        {
            var e = events[i];
            if (e.PersistenceId != first.PersistenceId)
            {
                throw new ArgumentException(
                    $"An atomic write holds events of one entity, but it mixes '{first.PersistenceId}' and " +
                    $"'{e.PersistenceId}'. Write each entity's events in its own AtomicWrite.", nameof(events));
            }

            if (e.SequenceNr != first.SequenceNr + i)
            {
                throw new ArgumentException(
                    $"Events of '{first.PersistenceId}' in one atomic write must have consecutive sequence numbers " +
                    $"starting at {first.SequenceNr}, but event {i} has {e.SequenceNr} instead of {first.SequenceNr + i}.",
                    nameof(events));
            }
        }

        Events = events;
    }

    /// <summary>The events, in sequence number order.</summary>
    public IReadOnlyList<PersistentRepresentation> Events { get; }

    /// <summary>The entity all events belong to.</summary>
    public string PersistenceId => Events[0].PersistenceId;

    /// <summary>Sequence number of the first event.</summary>
    public long LowestSequenceNr => Events[0].SequenceNr;

    /// <summary>Sequence number of the last event.</summary>
    public long HighestSequenceNr => Events[^1].SequenceNr;
}
