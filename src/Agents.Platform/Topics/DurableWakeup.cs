using Agents.Actors;
using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>
/// A durable subscription's registration with the live reader: each matching event appended to the log tells the
/// subscription there is more to read (<see cref="LogAdvanced"/>); the subscription reads the events itself, from its
/// own position, so a wake-up carries no event and losing one to a race costs only a later read.
/// </summary>
internal sealed class DurableWakeup(IActorRef subscription) : LiveTarget
{
    public override bool Offer(TopicEnvelope envelope)
    {
        subscription.Tell(new LogAdvanced(envelope.Offset), null);
        return false;
    }
}
