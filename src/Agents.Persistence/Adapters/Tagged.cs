namespace Agents.Persistence.Adapters;

/// <summary>
/// Returned by an <see cref="IWriteEventAdapter"/> to store <paramref name="Payload"/> with
/// <paramref name="Tags"/>; the journal stores the payload and records the tags, never this wrapper.
/// </summary>
/// <param name="Payload">The event to store.</param>
/// <param name="Tags">Tags to add to the ones the event already has.</param>
public sealed record Tagged(object Payload, IReadOnlyCollection<string> Tags);
