namespace Agents.Persistence.Query;

/// <summary>The events of one entity stored when the query starts.</summary>
public interface ICurrentEventsByPersistenceIdQuery : IReadJournal
{
    /// <summary>
    /// Streams the not deleted events of <paramref name="persistenceId"/> with sequence numbers between
    /// <paramref name="fromSequenceNr"/> and <paramref name="toSequenceNr"/> (inclusive), ascending, then ends.
    /// </summary>
    IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(
        string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default);
}
