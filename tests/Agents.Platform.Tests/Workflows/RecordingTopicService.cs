using System.Collections.Concurrent;
using Agents.Actors;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Workflows;

/// <summary>A topic service double: records durable subscriptions and publications (also to probes, when given).</summary>
internal sealed class RecordingTopicService(IActorRef? subscriptions = null, IActorRef? publications = null) : ITopicService
{
    private long _sequence;

    public ConcurrentQueue<Subscribed> Subscriptions { get; } = new();

    public ConcurrentQueue<Published> Publications { get; } = new();

    public bool FailPublishing { get; set; }

    public Task<TopicEnvelope> PublishAsync(string topic, object payload, string publisher, CancellationToken cancellationToken = default)
    {
        if (FailPublishing)
        {
            return Task.FromException<TopicEnvelope>(new InvalidOperationException("the topic log is down"));
        }

        var published = new Published(topic, payload, publisher);
        Publications.Enqueue(published);
        publications?.Tell(published, ActorRefs.NoSender);
        var sequence = Interlocked.Increment(ref _sequence);
        return Task.FromResult(new TopicEnvelope(new TopicOffset(1_000, sequence), topic, "json", payload, DateTimeOffset.UnixEpoch, publisher));
    }

    public IDisposable SubscribeLive(string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber) =>
        throw new NotSupportedException("Workflow rules subscribe durably.");

    public IDisposable SubscribeDurable(string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber)
    {
        var subscribed = new Subscribed(subscriptionId, patterns, subscriber);
        Subscriptions.Enqueue(subscribed);
        subscriptions?.Tell(subscribed, ActorRefs.NoSender);
        return new Subscription();
    }

    public Task<TopicEnvelope> WaitForEventAsync(
        TopicPattern pattern, Func<TopicEnvelope, bool>? where, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Workflow rules do not wait for events.");

    public sealed record Subscribed(string SubscriptionId, IReadOnlyList<TopicPattern> Patterns, IActorRef Subscriber);

    public sealed record Published(string Topic, object Payload, string Publisher);

    private sealed class Subscription : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
