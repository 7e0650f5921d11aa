using Agents.Persistence.Journal;

namespace Agents.Persistence.Actors;

/// <summary>
/// A persistent actor could not recover: a stored event or snapshot is unreadable, the store failed or did not
/// answer within <see cref="PersistenceOptions.RecoveryTimeout"/>, or a recovery handler threw. The actor stops
/// (a <see cref="Agents.Actors.BackoffSupervisor"/> with <see cref="Agents.Actors.BackoffTrigger.OnStop"/> starts
/// it again later); nothing stored was changed.
/// </summary>
/// <remarks>
/// The message depends on <see cref="Exception.InnerException"/>: a store that failed or did not answer
/// (<see cref="JournalStorageException"/>, <see cref="TimeoutException"/>, <see cref="OperationCanceledException"/>)
/// says the journal could not be read and that a retry is expected to succeed once the store answers; any other
/// cause (an unreadable event, a throwing handler) points at the stored data or the handler.
/// </remarks>
public sealed class RecoveryFailedException : Exception
{
    /// <summary>Creates the exception for recovery of <paramref name="persistenceId"/> failing at <paramref name="sequenceNr"/>.</summary>
    public RecoveryFailedException(string persistenceId, long sequenceNr, string reason, Exception? innerException = null)
        : base(Describe(persistenceId, sequenceNr, reason, innerException), innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    /// <summary>The entity that failed to recover.</summary>
    public string PersistenceId { get; }

    /// <summary>The sequence number of the event being replayed (or expected next) when recovery failed.</summary>
    public long SequenceNr { get; }

    /// <summary>Whether <paramref name="cause"/> says the store failed or did not answer, rather than the stored data.</summary>
    private static bool IsStorageUnavailable(Exception? cause) =>
        cause is JournalStorageException or TimeoutException or OperationCanceledException;

    private static string Describe(string persistenceId, long sequenceNr, string reason, Exception? cause) =>
        IsStorageUnavailable(cause)
            ? $"Recovery of persistent actor '{persistenceId}' failed because the journal could not be read (next " +
              $"sequence number {sequenceNr}): {reason} The stored events are not known to be at fault and nothing " +
              "stored was changed. The actor stops; the actor's supervisor (backoff) retries, which succeeds once the " +
              "store answers again. If it keeps failing, check that the database is reachable and not overloaded."
            : $"Recovery of persistent actor '{persistenceId}' failed at sequence number {sequenceNr}: {reason} The actor " +
              "stops; nothing stored was changed. Fix the cause (repair or upcast the event, fix the recovery handler) " +
              "and start it again.";
}
