using System.Collections.Concurrent;
using System.Reflection;
using Agents.Actors;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Support;

/// <summary>What the recording topic service records (and tells its probe) for each publish.</summary>
public sealed record Published(string Topic, object Payload, string Publisher);

/// <summary>
/// A topic service double for tests of what uses topics: records publishes, durable subscriptions and waits (and tells
/// probes, when given), delivers nothing itself. Tests of the real service use <see cref="TopicService"/>.
/// </summary>
/// <param name="time">Stamps the returned envelopes; the Unix epoch when null.</param>
/// <param name="publications">Told every <see cref="Published"/>.</param>
/// <param name="subscriptions">Told every <see cref="Subscribed"/>.</param>
public sealed class RecordingTopicService(TimeProvider? time = null, IActorRef? publications = null, IActorRef? subscriptions = null)
    : ITopicService
{
    private long _sequence;

    public ConcurrentQueue<Published> Published { get; } = new();

    public ConcurrentQueue<Subscribed> Subscriptions { get; } = new();

    public ConcurrentQueue<WaitCall> Waits { get; } = new();

    /// <summary>Makes every publish fail, as a topic log that is down would.</summary>
    public bool FailPublishing { get; set; }

    public Task<TopicEnvelope> PublishAsync(string topic, object payload, string publisher, CancellationToken cancellationToken = default)
    {
        if (FailPublishing)
        {
            return Task.FromException<TopicEnvelope>(new InvalidOperationException("the topic log is down"));
        }

        TopicName.Parse(topic);
        var published = new Published(topic, payload, publisher);
        Published.Enqueue(published);
        publications?.Tell(published, ActorRefs.NoSender);
        var sequence = Interlocked.Increment(ref _sequence);
        var manifest = payload is JsonPayload ? JsonPayload.Manifest : payload.GetType().GetCustomAttribute<ManifestAttribute>()?.Name ?? payload.GetType().Name;
        return Task.FromResult(new TopicEnvelope(
            new TopicOffset((ulong)sequence, sequence), topic, manifest, payload, time?.GetUtcNow() ?? DateTimeOffset.UnixEpoch, publisher));
    }

    public IDisposable SubscribeLive(string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber) =>
        throw new NotSupportedException("The recording topic service records durable subscriptions only.");

    public IDisposable SubscribeDurable(
        string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber, SubscriptionStart start = SubscriptionStart.Beginning)
    {
        var subscribed = new Subscribed(subscriptionId, [.. patterns.Select(p => p.ToString())], subscriber, start);
        Subscriptions.Enqueue(subscribed);
        subscriptions?.Tell(subscribed, ActorRefs.NoSender);
        return subscribed;
    }

    public Task<TopicEnvelope> WaitForEventAsync(
        TopicPattern pattern, Func<TopicEnvelope, bool>? where, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var call = new WaitCall(pattern.ToString(), timeout, cancellationToken);
        Waits.Enqueue(call);
        return call.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A durable subscription made through the double; disposing it is recorded.</summary>
    public sealed class Subscribed(string subscriptionId, IReadOnlyList<string> patterns, IActorRef subscriber, SubscriptionStart start) : IDisposable
    {
        private int _disposed;

        public string SubscriptionId { get; } = subscriptionId;

        public IReadOnlyList<string> Patterns { get; } = patterns;

        public IActorRef Subscriber { get; } = subscriber;

        public SubscriptionStart Start { get; } = start;

        public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

        public void Dispose() => Interlocked.Exchange(ref _disposed, 1);
    }

    /// <summary>A wait made through the double; the test completes <see cref="Result"/>.</summary>
    public sealed class WaitCall(string pattern, TimeSpan timeout, CancellationToken cancellationToken)
    {
        public string Pattern { get; } = pattern;

        public TimeSpan Timeout { get; } = timeout;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<TopicEnvelope> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
