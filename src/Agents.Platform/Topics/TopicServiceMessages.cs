using Agents.Actors;
using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

// The messages between the topic service, its guardian and the durable subscription actors; all process-local.

/// <summary>
/// Starts a durable subscription, or replaces the subscriber of a running one. The token identifies this subscribe
/// call, so that disposing an older handle cannot end a newer one.
/// </summary>
internal sealed record SubscribeDurably(
    string SubscriptionId, IReadOnlyList<TopicPattern> Patterns, IActorRef Subscriber, long Token, SubscriptionStart Start);

/// <summary>Ends the durable subscription made by the call <paramref name="Token"/>, if it is still the current one.</summary>
internal sealed record Unsubscribe(string SubscriptionId, long Token);

/// <summary>Watch a live subscriber, so that its subscriptions end when it stops.</summary>
internal sealed record WatchSubscriber(IActorRef Subscriber);

/// <summary>Stop watching a live subscriber unless it still holds a live subscription.</summary>
internal sealed record UnwatchSubscriber(IActorRef Subscriber);

/// <summary>Ends every durable subscription (offsets stored), then stops the guardian: the service stops.</summary>
internal sealed record StopSubscriptions
{
    public static StopSubscriptions Instance { get; } = new();
}

/// <summary>The guardian's order to a durable subscription: store the offset and stop.</summary>
internal sealed record EndSubscription
{
    public static EndSubscription Instance { get; } = new();
}

/// <summary>The subscriber of a durable subscription changes; delivery resumes after the acknowledged offset.</summary>
internal sealed record ReplaceSubscriber(IReadOnlyList<TopicPattern> Patterns, IActorRef Subscriber, long Token);

/// <summary>
/// A durable subscription's reader read the next matching event. The generation names the reader; events of a
/// replaced reader are dropped.
/// </summary>
internal sealed record EventRead(int Generation, TopicEnvelope Envelope);

/// <summary>A durable subscription's read has read every committed event after its start.</summary>
internal sealed record ReadCompleted(int Generation);

/// <summary>The live reader dispatched an event matching a durable subscription's patterns: there is more to read.</summary>
internal sealed record LogAdvanced(TopicOffset Offset);

/// <summary>A durable subscription's read stopped with an error.</summary>
internal sealed record ReadEnded(int Generation, Exception Error);
