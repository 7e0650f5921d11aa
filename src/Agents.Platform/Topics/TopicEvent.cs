using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>An event delivered to a subscriber of <see cref="ITopicService"/>.</summary>
/// <param name="SubscriptionId">The subscription it came through.</param>
/// <param name="Envelope">The event with its topic, offset, publisher and time.</param>
public sealed record TopicEvent(string SubscriptionId, TopicEnvelope Envelope)
{
    /// <summary>
    /// The event's delivery id: the same on every delivery of the same event, so that a handler can ignore a repeat.
    /// </summary>
    public long DeliveryId => Envelope.DeliveryId;
}
