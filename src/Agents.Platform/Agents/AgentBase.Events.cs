using Agents.Actors;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;

namespace Agents.Platform.Agents;

public abstract partial class AgentBase
{
    private readonly TopicPattern[] _subscribes;
    private readonly IReadOnlyList<TopicPattern> _subscriptionPatterns;
    private readonly bool _hasScheduleOnlyPatterns;
    private readonly Dictionary<string, TopicOffset> _handled = new(StringComparer.Ordinal);

    /// <summary>
    /// Called for each event on the agent's topics. Turn-based: the next message waits until the returned task
    /// completed, and the event is acknowledged only after that (and after the events it persisted are durable), so
    /// an event whose handling failed is delivered again. Deliveries are at-least-once; a repeat within one
    /// incarnation is filtered out by the base. Does nothing by default.
    /// </summary>
    /// <param name="topicEvent">The event, with its subscription, topic, offset and publisher.</param>
    protected virtual Task OnEventAsync(TopicEvent topicEvent) => Task.CompletedTask;

    /// <summary>
    /// Handles an event and acknowledges it to its sender. A repeat, an event at or before the highest offset already
    /// handled through the same subscription, is acknowledged without handling. Offsets are compared rather than
    /// delivery ids because a log may hand out a smaller sequence to an event that commits later (see
    /// <see cref="TopicOffset"/>). Events that reach the agent only because an event schedule counts their topic are
    /// counted, not handed to <see cref="OnEventAsync"/>.
    /// </summary>
    private async Task HandleTopicEventAsync(TopicEvent topicEvent)
    {
        var replyTo = Sender;
        var envelope = topicEvent.Envelope;
        var ack = new TopicEventAck(topicEvent.SubscriptionId, envelope.Offset);
        if (_handled.TryGetValue(topicEvent.SubscriptionId, out var highest) && envelope.Offset <= highest)
        {
            AgentLog.RepeatSkipped(Log, Id, topicEvent.DeliveryId, envelope.Topic, topicEvent.SubscriptionId, envelope.Offset);
            replyTo.Tell(ack, Self);
            return;
        }

        var topic = _eventSchedules.Count > 0 || _hasScheduleOnlyPatterns ? ParseTopic(envelope.Topic) : null;
        if (IsForHandler(topicEvent, topic))
        {
            await OnEventAsync(topicEvent);
        }

        _handled[topicEvent.SubscriptionId] = envelope.Offset;
        await CountForSchedulesAsync(topic);
        DeferAsync(ack, a => replyTo.Tell(a, Self));
    }

    private bool IsForHandler(TopicEvent topicEvent, TopicName? topic)
    {
        if (!_hasScheduleOnlyPatterns || topic is null || !string.Equals(topicEvent.SubscriptionId, Id, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var pattern in _subscribes)
        {
            if (pattern.Matches(topic))
            {
                return true;
            }
        }

        return false;
    }

    private static TopicName? ParseTopic(string text) => TopicName.TryParse(text, out var topic) ? topic : null;
}
