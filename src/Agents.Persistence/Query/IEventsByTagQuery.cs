namespace Agents.Persistence.Query;

/// <summary>The events with a tag, across all entities, live.</summary>
/// <remarks>
/// <para>The global order is stable: every reader, live or current, now or later, sees the events of a tag in the
/// same order, and a live reader never skips an event that a concurrent transaction commits after later-numbered
/// events became visible. Within one entity the order follows sequence numbers.</para>
/// <para>Delivery is exactly once per enumeration; resuming from a stored offset continues exactly after that
/// event.</para>
/// </remarks>
public interface IEventsByTagQuery : IReadJournal
{
    /// <summary>
    /// Streams the not deleted events tagged <paramref name="tag"/> after <paramref name="offset"/>, then keeps
    /// delivering later ones until cancelled.
    /// </summary>
    IAsyncEnumerable<EventEnvelope> EventsByTag(string tag, Offset offset, CancellationToken cancellationToken = default);
}
