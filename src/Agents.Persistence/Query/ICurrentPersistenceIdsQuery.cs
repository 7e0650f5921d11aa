namespace Agents.Persistence.Query;

/// <summary>The ids of the entities stored when the query starts.</summary>
public interface ICurrentPersistenceIdsQuery : IReadJournal
{
    /// <summary>
    /// Streams each persistence id once, then ends. An entity is listed once its first event (sequence number 1)
    /// is stored — persistent entities number their events from 1 without gaps — and stays listed after its
    /// events are deleted.
    /// </summary>
    IAsyncEnumerable<string> CurrentPersistenceIds(CancellationToken cancellationToken = default);
}
