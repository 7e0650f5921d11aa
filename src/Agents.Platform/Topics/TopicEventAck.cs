using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>
/// A durable subscriber's answer to a <see cref="TopicEvent"/>, sent to the event's sender once the event is handled:
/// the subscription's stored offset may move past it.
/// </summary>
/// <param name="SubscriptionId">The subscription the event came through.</param>
/// <param name="Offset">The handled event's offset.</param>
public sealed record TopicEventAck(string SubscriptionId, TopicOffset Offset);
