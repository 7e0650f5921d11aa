using Agents.Actors;
using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>A live subscription's actor: each matching event is told to it as a <see cref="TopicEvent"/>.</summary>
/// <param name="subscriptionId">The id the events carry.</param>
/// <param name="subscriber">Who receives them.</param>
/// <param name="sender">
/// The sender they carry: the service's guardian, which ignores a <see cref="TopicEventAck"/>, so that a subscriber
/// handling live and durable events alike may acknowledge both.
/// </param>
internal sealed class SubscriberTarget(string subscriptionId, IActorRef subscriber, IActorRef sender) : LiveTarget
{
    public IActorRef Subscriber { get; } = subscriber;

    public override bool Offer(TopicEnvelope envelope)
    {
        Subscriber.Tell(new TopicEvent(subscriptionId, envelope), sender);
        return false;
    }
}
