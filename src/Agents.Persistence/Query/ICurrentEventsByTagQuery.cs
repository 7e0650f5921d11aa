namespace Agents.Persistence.Query;

/// <summary>The events with a tag, across all entities, stored when the query starts.</summary>
public interface ICurrentEventsByTagQuery : IReadJournal
{
    /// <summary>
    /// Streams the not deleted events tagged <paramref name="tag"/> that come after <paramref name="offset"/>, in
    /// the store's global order (see <see cref="IEventsByTagQuery"/>), then ends. Every write that completed before
    /// the query started is included.
    /// </summary>
    IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(
        string tag, Offset offset, CancellationToken cancellationToken = default);
}
