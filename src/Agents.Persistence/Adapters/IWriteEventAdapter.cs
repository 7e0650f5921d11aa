namespace Agents.Persistence.Adapters;

/// <summary>
/// Changes an event on its way into the journal, the write side of Akka.NET's event adapters. The usual use is
/// tagging: return <see cref="Tagged"/> to attach tags that <c>EventsByTag</c> queries select on, without the
/// entity knowing about them. Adapters run in registration order, each on the previous one's result.
/// Implementations must be thread-safe.
/// </summary>
public interface IWriteEventAdapter
{
    /// <summary>Returns the event to store: the same object, a replacement, or a <see cref="Tagged"/> wrapper.</summary>
    object ToJournal(object @event);
}
