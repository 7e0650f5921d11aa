using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>
/// One receiver of live events in a <see cref="LiveDispatcher"/>: a subscribed actor or a waiting
/// <see cref="ITopicService.WaitForEventAsync"/> call. Compared by identity, so one actor may hold several live
/// subscriptions, each its own target.
/// </summary>
internal abstract class LiveTarget
{
    /// <summary>Hands a matching event over; returns whether the target is done and should be removed.</summary>
    /// <remarks>Runs under the dispatcher's lock, in log order: it must not block.</remarks>
    public abstract bool Offer(TopicEnvelope envelope);
}
