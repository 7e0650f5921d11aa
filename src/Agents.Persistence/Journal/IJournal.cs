namespace Agents.Persistence.Journal;

/// <summary>
/// Stores the events of persistent entities and replays them (Akka.NET's <c>AsyncWriteJournal</c>).
/// Every implementation runs the conformance suite <c>Agents.TestKit.Persistence.JournalSpec</c>.
/// </summary>
/// <remarks>
/// <para><b>Ordering.</b> Writes of one persistence id are stored in the order of the calls that carry them and,
/// within a call, in list order: when call A for an entity returns before call B for the same entity starts,
/// A's events are stored first; calls that overlap in time are stored in the order they were made. Writes of
/// different entities are not ordered against each other.</para>
/// <para><b>Fencing.</b> The pair (persistence id, sequence number) is unique. A write that reuses a stored pair
/// — the signature of a second live incarnation of the same entity — fails the call with
/// <see cref="SequenceNumberConflictException"/>; none of that call's writes is stored, and writes of other
/// callers are unaffected.</para>
/// <para><b>Thread safety.</b> All members may be called concurrently.</para>
/// </remarks>
public interface IJournal
{
    /// <summary>
    /// Stores a batch of atomic writes and completes only once the stored ones are durable.
    /// </summary>
    /// <param name="writes">The writes; each is stored all-or-nothing.</param>
    /// <param name="cancellationToken">
    /// Stops the call only while it has not yet handed the writes to storage; after that the call completes with
    /// the real outcome, because abandoning a write that may already be durable would hide its fate.
    /// </param>
    /// <returns>
    /// One entry per write, in the same order: <c>null</c> when the write was stored, or the exception that
    /// <b>rejected</b> it (a <see cref="WriteRejectedException"/>, typically because a payload cannot be
    /// serialized). A rejected write was not stored; the others in the batch still are. An entity should treat a
    /// rejection like Akka.NET's <c>OnPersistRejected</c>: the event is dropped and the entity keeps running.
    /// </returns>
    /// <exception cref="JournalStorageException">
    /// A <b>failure</b>: the storage could not be reached or refused the batch. The whole call failed and the
    /// caller must assume that any of its writes may or may not have been stored (a connection lost during
    /// COMMIT leaves the outcome unknown); an entity should stop, like Akka.NET's <c>OnPersistFailure</c>, and
    /// recover from the journal when restarted. The subclass <see cref="SequenceNumberConflictException"/> means
    /// a second writer and that nothing of this call was stored.
    /// </exception>
    Task<IReadOnlyList<Exception?>> WriteMessagesAsync(
        IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the stored, not deleted events of one entity with sequence numbers between
    /// <paramref name="fromSequenceNr"/> and <paramref name="toSequenceNr"/> (both inclusive) in ascending order,
    /// at most <paramref name="max"/> of them.
    /// </summary>
    /// <remarks>
    /// An event that cannot be read back (unknown manifest, corrupted payload) ends the stream with an
    /// <see cref="Serialization.EventDeserializationException"/> naming the entity, sequence number and manifest;
    /// other entities are unaffected. An empty range, <paramref name="max"/> of 0 or an unknown entity yields
    /// nothing.
    /// </remarks>
    IAsyncEnumerable<PersistentRepresentation> ReplayMessagesAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The highest sequence number ever stored for the entity, or 0 if it has none. Deleting events never
    /// lowers it, so an entity's numbering never restarts.
    /// </summary>
    /// <param name="persistenceId">The entity.</param>
    /// <param name="fromSequenceNr">A hint: the caller knows that nothing below this number matters.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<long> ReadHighestSequenceNrAsync(
        string persistenceId, long fromSequenceNr = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the entity's events up to and including <paramref name="toSequenceNr"/> (typically the ones a
    /// snapshot covers). Deleted events are no longer replayed or returned by queries; the highest sequence number
    /// is kept. A number above the highest stored one deletes everything stored so far.
    /// </summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
