namespace Agents.Persistence.PostgreSql.Projections;

/// <summary>
/// A projection's handler failed on one event. The event's effects were rolled back and the offset was not
/// advanced: the projection resumes with this same event when it is run again.
/// </summary>
public sealed class ProjectionFailedException : Exception
{
    /// <summary>Creates the exception for the event at (<paramref name="persistenceId"/>, <paramref name="sequenceNr"/>).</summary>
    public ProjectionFailedException(string projection, string persistenceId, long sequenceNr, Exception innerException)
        : base(
            $"Projection '{projection}' failed on event {sequenceNr} of '{persistenceId}': {innerException.Message} " +
            "Its effects were rolled back and the offset stays before it; fix the cause and run the projection again.",
            innerException)
    {
        Projection = projection;
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    /// <summary>The projection's name.</summary>
    public string Projection { get; }

    /// <summary>The entity of the event that failed.</summary>
    public string PersistenceId { get; }

    /// <summary>The sequence number of the event that failed.</summary>
    public long SequenceNr { get; }
}
