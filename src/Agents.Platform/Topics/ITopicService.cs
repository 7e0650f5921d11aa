using Agents.Actors;
using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>
/// Publish and subscribe on topics (DESIGN.md decision 10). A published event is appended to the durable topic
/// log and then delivered live to every matching subscriber. A durable subscription remembers how far its
/// subscriber got and resumes there after a restart (at-least-once: a repeat carries the same delivery id); a live
/// subscription sees only what is published while it exists.
/// </summary>
/// <remarks>
/// Subscribers are actors. They receive <see cref="TopicEvent"/> messages; a durable subscriber answers each with a
/// <see cref="TopicEventAck"/> to the sender once it has handled it (an unanswered event is delivered again).
/// A subscription ends when it is disposed or when its subscriber stops; a durable one keeps its offset.
/// </remarks>
public interface ITopicService
{
    /// <summary>Appends an event to the topic log and delivers it to the matching subscribers.</summary>
    /// <param name="topic">The topic, dot-separated words (<see cref="TopicName"/> rules).</param>
    /// <param name="payload">The event: a record with a manifest, or a <c>JsonPayload</c>.</param>
    /// <param name="publisher">Who publishes it (an agent id, <c>api</c>, ...), stored with the event.</param>
    /// <param name="cancellationToken">Cancels the wait; the event may still be stored.</param>
    /// <returns>The stored event with its offset, once it is durable.</returns>
    /// <exception cref="TopicFormatException"><paramref name="topic"/> is not a valid topic name.</exception>
    Task<TopicEnvelope> PublishAsync(string topic, object payload, string publisher, CancellationToken cancellationToken = default);

    /// <summary>Delivers to <paramref name="subscriber"/> the events published from now on whose topic matches one of <paramref name="patterns"/>.</summary>
    /// <param name="subscriptionId">The id the <see cref="TopicEvent"/>s carry, so that one actor can tell its subscriptions apart.</param>
    /// <param name="patterns">The topic patterns (AMQP rules).</param>
    /// <param name="subscriber">The actor the events go to.</param>
    /// <returns>The subscription; dispose it to end it.</returns>
    IDisposable SubscribeLive(string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber);

    /// <summary>
    /// Delivers to <paramref name="subscriber"/>, in log order, every event after the subscription's stored offset
    /// whose topic matches one of <paramref name="patterns"/>, then the new ones as they are published. The offset
    /// moves when the subscriber acknowledges (<see cref="TopicEventAck"/>); events it did not acknowledge are
    /// delivered again. One durable subscription has one subscriber at a time: subscribing again with the same id
    /// replaces the earlier subscriber.
    /// </summary>
    /// <param name="subscriptionId">The subscription's stable id (an agent uses its own id); its offset is stored under it.</param>
    /// <param name="patterns">The topic patterns (AMQP rules).</param>
    /// <param name="subscriber">The actor the events go to.</param>
    /// <param name="start">Where the subscription begins the first time its id is used (no offset stored yet).</param>
    /// <returns>The subscription; dispose it to end it (its offset is kept).</returns>
    IDisposable SubscribeDurable(
        string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber, SubscriptionStart start = SubscriptionStart.Beginning);

    /// <summary>
    /// Waits for the first event published from now on whose topic matches <paramref name="pattern"/> and for which
    /// <paramref name="where"/> holds (the <c>WAIT FOR EVENT ... WHERE ...</c> of the seed design).
    /// </summary>
    /// <param name="pattern">The topic pattern.</param>
    /// <param name="where">The condition on the event; <see langword="null"/> takes the first matching event.</param>
    /// <param name="timeout">How long to wait, measured on the system's time provider.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">No such event arrived within <paramref name="timeout"/>.</exception>
    Task<TopicEnvelope> WaitForEventAsync(
        TopicPattern pattern, Func<TopicEnvelope, bool>? where, TimeSpan timeout, CancellationToken cancellationToken = default);
}
