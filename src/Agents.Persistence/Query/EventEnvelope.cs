namespace Agents.Persistence.Query;

/// <summary>An event delivered by a query, with where it sits in the stream.</summary>
/// <param name="Offset">Pass this back to resume right after this event.</param>
/// <param name="PersistenceId">The entity that persisted the event.</param>
/// <param name="SequenceNr">The event's number within its entity.</param>
/// <param name="Event">The event, deserialized and upcast.</param>
/// <param name="Timestamp">When the journal stored it.</param>
/// <param name="Tags">Its tags.</param>
public sealed record EventEnvelope(
    Offset Offset,
    string PersistenceId,
    long SequenceNr,
    object Event,
    DateTimeOffset Timestamp,
    IReadOnlyList<string> Tags);
