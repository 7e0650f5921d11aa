namespace Agents.Persistence.Actors;

/// <summary>
/// A persistent actor could not recover: a stored event or snapshot is unreadable, the store failed or did not
/// answer within <see cref="PersistenceOptions.RecoveryTimeout"/>, or a recovery handler threw. The actor stops
/// (a <see cref="Agents.Actors.BackoffSupervisor"/> with <see cref="Agents.Actors.BackoffTrigger.OnStop"/> starts
/// it again later); nothing stored was changed.
/// </summary>
public sealed class RecoveryFailedException : Exception
{
    /// <summary>Creates the exception for recovery of <paramref name="persistenceId"/> failing at <paramref name="sequenceNr"/>.</summary>
    public RecoveryFailedException(string persistenceId, long sequenceNr, string reason, Exception? innerException = null)
        : base(
            $"Recovery of persistent actor '{persistenceId}' failed at sequence number {sequenceNr}: {reason} The actor " +
            "stops; nothing stored was changed. Fix the cause (repair or upcast the event, restore the store) and start it again.",
            innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    /// <summary>The entity that failed to recover.</summary>
    public string PersistenceId { get; }

    /// <summary>The sequence number of the event being replayed (or expected next) when recovery failed.</summary>
    public long SequenceNr { get; }
}
