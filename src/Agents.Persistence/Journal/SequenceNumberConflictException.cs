namespace Agents.Persistence.Journal;

/// <summary>
/// A write reused a (persistence id, sequence number) pair that is already stored: another incarnation of the
/// same entity is writing at the same time (two nodes each believe they own it). The losing writer must stop
/// and, if it is restarted, recover from the journal. None of the events of the failed call were stored.
/// </summary>
public sealed class SequenceNumberConflictException : JournalStorageException
{
    /// <summary>Creates the exception for the first conflicting event.</summary>
    public SequenceNumberConflictException(string persistenceId, long sequenceNr, Exception? innerException = null)
        : base(
            $"Event {sequenceNr} of '{persistenceId}' is already stored: another writer of the same entity got " +
            "there first (two live incarnations of one persistent entity). This writer is fenced off and none of " +
            "the events of its call were stored; stop it and let the entity recover from the journal.",
            innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    /// <summary>The entity written by two writers.</summary>
    public string PersistenceId { get; }

    /// <summary>The sequence number that was already taken.</summary>
    public long SequenceNr { get; }
}
