namespace Agents.Persistence.Topics;

/// <summary>Durable subscriptions over an <see cref="ITopicLog"/> and an <see cref="ITopicSubscriptionStore"/>.</summary>
public static class TopicLogExtensions
{
    /// <summary>
    /// Follows the log from the stored offset of <paramref name="subscriptionId"/> on: every event after the last one
    /// the subscription stored, including those published while it was not running. The caller stores each event's
    /// offset with <see cref="ITopicSubscriptionStore.StoreOffsetAsync"/> once it has handled it; events handled but
    /// not yet stored come again after a restart (at-least-once), recognisable by their
    /// <see cref="TopicEnvelope.DeliveryId"/>.
    /// </summary>
    /// <exception cref="Journal.JournalStorageException">The stored offset cannot be loaded.</exception>
    public static async IAsyncEnumerable<TopicEnvelope> SubscribeDurablyAsync(
        this ITopicLog log, ITopicSubscriptionStore offsets, string subscriptionId, TopicFilter? filter = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(offsets);
        var after = await offsets.LoadOffsetAsync(subscriptionId, cancellationToken).ConfigureAwait(false) ?? TopicOffset.Start;
        await foreach (var e in log.SubscribeAsync(after, filter, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }
}
