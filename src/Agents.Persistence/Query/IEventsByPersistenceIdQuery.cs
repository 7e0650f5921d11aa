namespace Agents.Persistence.Query;

/// <summary>The events of one entity, live.</summary>
public interface IEventsByPersistenceIdQuery : IReadJournal
{
    /// <summary>
    /// Like <see cref="ICurrentEventsByPersistenceIdQuery.CurrentEventsByPersistenceId"/>, but keeps delivering
    /// events written later, each exactly once and in sequence number order; ends after delivering
    /// <paramref name="toSequenceNr"/>, or when cancelled.
    /// </summary>
    IAsyncEnumerable<EventEnvelope> EventsByPersistenceId(
        string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default);
}
