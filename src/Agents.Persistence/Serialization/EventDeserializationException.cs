namespace Agents.Persistence.Serialization;

/// <summary>
/// A stored event or snapshot cannot be read back: its manifest is unknown or its payload does not fit the type.
/// Only the entity it belongs to is affected; every other entity keeps working.
/// </summary>
public sealed class EventDeserializationException : Exception
{
    /// <summary>Creates the exception for the stored item at (<paramref name="persistenceId"/>, <paramref name="sequenceNr"/>).</summary>
    public EventDeserializationException(
        string persistenceId, long sequenceNr, string manifest, int version, Exception innerException)
        : base(
            $"Cannot read back event {sequenceNr} of '{persistenceId}' (manifest '{manifest}', version {version}): " +
            $"{innerException.Message} Only this entity is affected. Register the manifest, add an upcaster for " +
            "this version, or repair the stored payload.",
            innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
        Manifest = manifest;
        Version = version;
    }

    /// <summary>The entity whose stored data is unreadable.</summary>
    public string PersistenceId { get; }

    /// <summary>The sequence number of the unreadable event or snapshot.</summary>
    public long SequenceNr { get; }

    /// <summary>The stored manifest.</summary>
    public string Manifest { get; }

    /// <summary>The stored schema version.</summary>
    public int Version { get; }
}
