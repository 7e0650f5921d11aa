namespace Agents.Persistence.Topics;

/// <summary>
/// The offsets of durable subscriptions: the offset of the last event a subscription handled, so that after a
/// restart it resumes with <see cref="ITopicLog.SubscribeAsync"/> after it. Delivery is at-least-once: a subscriber
/// that handled an event but stopped before storing its offset receives it again.
/// </summary>
public interface ITopicSubscriptionStore
{
    /// <summary>
    /// The stored offset of <paramref name="subscriptionId"/>, or null when none was ever stored (a stored
    /// <see cref="TopicOffset.Start"/> is returned as such), so that a new subscription can choose where to begin.
    /// </summary>
    /// <exception cref="Journal.JournalStorageException">The storage failed.</exception>
    Task<TopicOffset?> LoadOffsetAsync(string subscriptionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="offset"/> for <paramref name="subscriptionId"/> unless its stored offset is already at
    /// or after it: a stored offset never goes back, so a late or repeated store cannot make a subscription re-read
    /// events it already handled.
    /// </summary>
    /// <returns>Whether the stored offset moved forward.</returns>
    /// <exception cref="Journal.JournalStorageException">The storage failed; the stored offset may or may not have moved.</exception>
    Task<bool> StoreOffsetAsync(string subscriptionId, TopicOffset offset, CancellationToken cancellationToken = default);
}
