using Agents.Persistence.Serialization;

namespace Agents.Persistence.Journal;

/// <summary>An event in the form a journal keeps it: serialized, with its final tags and write time.</summary>
/// <param name="PersistenceId">The entity.</param>
/// <param name="SequenceNr">The event's number within the entity.</param>
/// <param name="Payload">Manifest, version and JSON.</param>
/// <param name="Tags">Distinct tags, from the event and from write adapters.</param>
/// <param name="WriterId">The incarnation that wrote it.</param>
/// <param name="Timestamp">When the journal accepted it.</param>
public sealed record StoredEvent(
    string PersistenceId,
    long SequenceNr,
    SerializedPayload Payload,
    IReadOnlyList<string> Tags,
    string WriterId,
    DateTimeOffset Timestamp);
