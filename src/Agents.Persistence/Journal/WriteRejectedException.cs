namespace Agents.Persistence.Journal;

/// <summary>
/// One atomic write was refused before it reached storage, typically because a payload cannot be serialized.
/// Akka.NET calls this a <i>rejection</i>: the write is not stored, the rest of the batch is, and the entity keeps
/// running.
/// </summary>
public sealed class WriteRejectedException : Exception
{
    /// <summary>Creates the exception for the write whose first event is <paramref name="sequenceNr"/>.</summary>
    public WriteRejectedException(string persistenceId, long sequenceNr, Exception innerException)
        : base(
            $"Write of '{persistenceId}' starting at event {sequenceNr} was rejected and not stored: " +
            innerException.Message,
            innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    /// <summary>The entity whose write was rejected.</summary>
    public string PersistenceId { get; }

    /// <summary>Sequence number of the first event of the rejected write.</summary>
    public long SequenceNr { get; }
}
