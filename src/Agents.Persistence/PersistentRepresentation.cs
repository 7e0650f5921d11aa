namespace Agents.Persistence;

/// <summary>
/// One event of one persistent entity as a journal stores and replays it (Akka.NET's <c>Persistent</c>).
/// </summary>
/// <remarks>
/// On write the journal reads <see cref="PersistenceId"/>, <see cref="SequenceNr"/>, <see cref="Payload"/>,
/// <see cref="WriterId"/> and <see cref="Tags"/>; it ignores <see cref="Manifest"/> and <see cref="Timestamp"/>
/// because the serializer decides the manifest and the journal stamps the time of the write from its own clock.
/// On replay every property is filled from what was stored.
/// </remarks>
public sealed record PersistentRepresentation
{
    /// <summary>Creates an event of <paramref name="persistenceId"/> at <paramref name="sequenceNr"/>.</summary>
    /// <exception cref="ArgumentException">The persistence id is empty or the sequence number is below 1.</exception>
    public PersistentRepresentation(string persistenceId, long sequenceNr, object payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentNullException.ThrowIfNull(payload);
        if (sequenceNr < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(sequenceNr), sequenceNr,
                $"Event of '{persistenceId}' has sequence number {sequenceNr}; sequence numbers start at 1.");
        }

        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
        Payload = payload;
    }

    /// <summary>The id of the entity (persistent actor) the event belongs to.</summary>
    public string PersistenceId { get; }

    /// <summary>Position of the event in its entity's stream: gapless, starting at 1.</summary>
    public long SequenceNr { get; }

    /// <summary>The event itself: the object the entity persisted, or the object read back.</summary>
    public object Payload { get; init; }

    /// <summary>The stable manifest the payload was stored under; empty before the event is written.</summary>
    public string Manifest { get; init; } = string.Empty;

    /// <summary>
    /// Identifies the incarnation of the entity that wrote the event (Akka.NET's writer GUID), so that
    /// events of two concurrent incarnations can be told apart in the journal.
    /// </summary>
    public string WriterId { get; init; } = string.Empty;

    /// <summary>Tags for <c>EventsByTag</c> queries; write adapters may add more.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>When the journal stored the event; <c>default</c> before the event is written.</summary>
    public DateTimeOffset Timestamp { get; init; }
}
