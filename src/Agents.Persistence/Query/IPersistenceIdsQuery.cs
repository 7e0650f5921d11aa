namespace Agents.Persistence.Query;

/// <summary>The ids of the entities, live.</summary>
public interface IPersistenceIdsQuery : IReadJournal
{
    /// <summary>
    /// Streams each persistence id once, as <see cref="ICurrentPersistenceIdsQuery.CurrentPersistenceIds"/> does,
    /// then keeps delivering the ids of entities that appear later until cancelled.
    /// </summary>
    IAsyncEnumerable<string> PersistenceIds(CancellationToken cancellationToken = default);
}
