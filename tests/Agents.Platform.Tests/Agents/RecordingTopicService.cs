using System.Collections.Concurrent;
using Agents.Actors;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Agents;

/// <summary>A topic service double that records subscriptions, publications and waits, and delivers nothing itself.</summary>
internal sealed class RecordingTopicService(TimeProvider time) : ITopicService
{
    private long _sequence;

    public ConcurrentQueue<DurableSubscription> Durable { get; } = new();

    public ConcurrentQueue<PublishCall> Published { get; } = new();

    public ConcurrentQueue<WaitCall> Waits { get; } = new();

    public Task<TopicEnvelope> PublishAsync(string topic, object payload, string publisher, CancellationToken cancellationToken = default)
    {
        TopicName.Parse(topic);
        Published.Enqueue(new PublishCall(topic, payload, publisher));
        var sequence = Interlocked.Increment(ref _sequence);
        return Task.FromResult(new TopicEnvelope(
            new TopicOffset((ulong)sequence, sequence), topic, "json", payload, time.GetUtcNow(), publisher));
    }

    public IDisposable SubscribeLive(string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber) =>
        throw new NotSupportedException("Agents subscribe durably; the double records only durable subscriptions.");

    public IDisposable SubscribeDurable(string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber)
    {
        var subscription = new DurableSubscription(subscriptionId, [.. patterns.Select(p => p.ToString())], subscriber);
        Durable.Enqueue(subscription);
        return subscription;
    }

    public Task<TopicEnvelope> WaitForEventAsync(
        TopicPattern pattern, Func<TopicEnvelope, bool>? where, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var call = new WaitCall(pattern.ToString(), timeout, cancellationToken);
        Waits.Enqueue(call);
        return call.Result.Task.WaitAsync(cancellationToken);
    }

    internal sealed record PublishCall(string Topic, object Payload, string Publisher);

    internal sealed class DurableSubscription(string id, IReadOnlyList<string> patterns, IActorRef subscriber) : IDisposable
    {
        private int _disposed;

        public string Id { get; } = id;

        public IReadOnlyList<string> Patterns { get; } = patterns;

        public IActorRef Subscriber { get; } = subscriber;

        public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

        public void Dispose() => Interlocked.Exchange(ref _disposed, 1);
    }

    internal sealed class WaitCall(string pattern, TimeSpan timeout, CancellationToken cancellationToken)
    {
        public string Pattern { get; } = pattern;

        public TimeSpan Timeout { get; } = timeout;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<TopicEnvelope> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
