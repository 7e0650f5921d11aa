using System.Collections.Concurrent;
using Agents.Actors;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Coordination;

/// <summary>What the recording topic service tells its probe for each publish.</summary>
public sealed record Published(string Topic, object Payload, string Publisher);

/// <summary>A topic service that records what is published (and tells a probe); subscriptions are not supported.</summary>
public sealed class RecordingTopicService(IActorRef? probe = null) : ITopicService
{
    private long _sequence;

    public ConcurrentQueue<Published> Publishes { get; } = new();

    public Task<TopicEnvelope> PublishAsync(string topic, object payload, string publisher, CancellationToken cancellationToken = default)
    {
        var published = new Published(topic, payload, publisher);
        Publishes.Enqueue(published);
        probe?.Tell(published, ActorRefs.NoSender);
        var sequence = Interlocked.Increment(ref _sequence);
        var manifest = payload is JsonPayload ? JsonPayload.Manifest : payload.GetType().Name;
        return Task.FromResult(new TopicEnvelope(new TopicOffset((ulong)sequence, sequence), topic, manifest, payload, DateTimeOffset.UnixEpoch, publisher));
    }

    public IDisposable SubscribeLive(string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber) =>
        throw new NotSupportedException("The recording topic service only records publishes.");

    public IDisposable SubscribeDurable(string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber) =>
        throw new NotSupportedException("The recording topic service only records publishes.");

    public Task<TopicEnvelope> WaitForEventAsync(
        TopicPattern pattern, Func<TopicEnvelope, bool>? where, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The recording topic service only records publishes.");
}
