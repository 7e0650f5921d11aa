using System.Collections.Concurrent;
using System.Reflection;
using Agents.Actors;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Microsoft.Extensions.Logging;

namespace Agents.Platform.Topics;

/// <summary>
/// The topic service of one actor system (DESIGN.md decision 10) over a durable <see cref="ITopicLog"/>: publishes
/// append to the log; one live reader (the tail) follows the log from where it ended when the service started and
/// delivers every event, whoever appended it (this node, another node, another service over the same database), to
/// the matching live subscribers and waits; each durable subscription is an actor under <c>/system/topics</c> that
/// reads the log from its stored offset, and again whenever the live reader sees a new event matching it.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="PublishAsync"/> returns once the event is durable; the tail delivers it to live subscribers as it reads
/// it. With PostgreSQL the tail reads below the horizon of transactions in flight, so that it never skips an event
/// committed late; a publish does not wait for that (a long transaction elsewhere in the database delays live
/// delivery, never the publisher). A live subscription made just after a publish returned may still receive that
/// event.
/// </para>
/// <para>
/// Add it to a system with <see cref="TopicServiceActorSystemExtensions.AddTopicService"/>; find it with
/// <see cref="TopicServiceActorSystemExtensions.Topics"/>. It stops with the system (coordinated shutdown, phase
/// <c>before-actor-system-terminate</c>): durable subscriptions store their offsets first.
/// </para>
/// </remarks>
public sealed class TopicService : ITopicService, IAsyncDisposable
{
    private readonly ActorSystem _system;
    private readonly ITopicLog _log;
    private readonly LiveDispatcher _dispatcher = new();
    private readonly ConcurrentDictionary<Type, string> _manifests = new();
    private readonly TopicTail _tail;
    private readonly IActorRef _guardian;
    private readonly IDisposable _shutdownTask;
    private long _subscribeCalls;
    private int _disposed;

    /// <summary>Starts the service in <paramref name="system"/>; it does not register it (see <c>AddTopicService</c>).</summary>
    /// <param name="system">The actor system its actors run in; its time provider drives timeouts and redelivery.</param>
    /// <param name="log">The topic log events are appended to and read from.</param>
    /// <param name="offsets">Where durable subscriptions store their offsets.</param>
    /// <param name="options">The settings; when null, read from the system's configuration (<c>agents.topics</c>).</param>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is out of range.</exception>
    /// <exception cref="Hocon.HoconException">A setting in the configuration is invalid.</exception>
    /// <exception cref="InvalidActorNameException">The system has a topic service already.</exception>
    public TopicService(ActorSystem system, ITopicLog log, ITopicSubscriptionStore offsets, TopicServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(offsets);
        options ??= TopicServiceOptions.FromConfig(system.Config);
        options.Validate();
        Options = options;
        _system = system;
        _log = log;
        _tail = new TopicTail(log, _dispatcher, options, system.TimeProvider, system.LoggerFactory.CreateLogger<TopicService>());
        var (dispatcher, tailStarted) = (_dispatcher, _tail.Started);
        _guardian = system.SystemActorOf(
            Props.Create(() => new TopicServiceGuardian(dispatcher, tailStarted, log, offsets, options)), "topics");
        _tail.Start();
        _shutdownTask = system.CoordinatedShutdown.AddTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "topic-service-stop", _ => DisposeAsync().AsTask());
    }

    /// <summary>The settings the service runs with.</summary>
    public TopicServiceOptions Options { get; }

    /// <summary>
    /// Completes once the live reader has found the end of the log: events appended from then on, by anyone, reach
    /// the live subscribers. Publishes wait for it on their own; await it before relying on events appended to the
    /// log by others right after the service started.
    /// </summary>
    public Task WhenStarted => _tail.Started;

    /// <summary>The number of live subscriptions and pending waits.</summary>
    public int LiveSubscriptionCount => _dispatcher.Count;

    /// <inheritdoc />
    public async Task<TopicEnvelope> PublishAsync(string topic, object payload, string publisher, CancellationToken cancellationToken = default)
    {
        TopicName.Parse(topic);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrWhiteSpace(publisher);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        // Events appended before the tail found the log's end would never reach the live subscribers.
        await _tail.Started.WaitAsync(cancellationToken).ConfigureAwait(false);
        var publishedAt = _system.TimeProvider.GetUtcNow();
        var offsets = await _log.AppendAsync([new TopicRecord(topic, payload, publisher)], cancellationToken).ConfigureAwait(false);
        return new TopicEnvelope(offsets[0], topic, ManifestOf(payload), payload, publishedAt, publisher);
    }

    /// <inheritdoc />
    public IDisposable SubscribeLive(string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber)
    {
        var checkedPatterns = CheckSubscription(subscriptionId, patterns, subscriber);
        var target = new SubscriberTarget(subscriptionId, subscriber, _guardian);
        _dispatcher.Add(checkedPatterns, target);
        _guardian.Tell(new WatchSubscriber(subscriber), null);
        return new LiveSubscription(_dispatcher, target, _guardian);
    }

    /// <inheritdoc />
    public IDisposable SubscribeDurable(
        string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber, SubscriptionStart start = SubscriptionStart.Beginning)
    {
        var checkedPatterns = CheckSubscription(subscriptionId, patterns, subscriber);
        var token = Interlocked.Increment(ref _subscribeCalls);
        _guardian.Tell(new SubscribeDurably(subscriptionId, checkedPatterns, subscriber, token, start), null);
        return new DurableSubscriptionHandle(_guardian, subscriptionId, token);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is neither positive nor infinite.</exception>
    public async Task<TopicEnvelope> WaitForEventAsync(
        TopicPattern pattern, Func<TopicEnvelope, bool>? where, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeout), timeout, "The timeout of a wait for an event must be positive (e.g. 30 seconds) or Timeout.InfiniteTimeSpan.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new EventWaiter(where);
        _dispatcher.Add([pattern], waiter);
        var timer = timeout == Timeout.InfiniteTimeSpan
            ? null
            : _system.Scheduler.ScheduleOnce(timeout, () => waiter.TrySetException(new TimeoutException(
                $"No event on a topic matching '{pattern}'{(where is null ? "" : " for which the condition holds")} was published within {timeout}.")));
        var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        try
        {
            return await waiter.Result.ConfigureAwait(false);
        }
        finally
        {
            timer?.Cancel();
            await registration.DisposeAsync().ConfigureAwait(false);
            _dispatcher.Remove(waiter);
        }
    }

    /// <summary>
    /// Stops the service: the live reader stops, waiting publishes fail, durable subscriptions store their offsets and
    /// stop. The system's coordinated shutdown calls this. Safe to call more than once.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _shutdownTask.Dispose();
        await _tail.DisposeAsync().ConfigureAwait(false);
        await _guardian.GracefulStop(_system.CoordinatedShutdown.GetPhaseTimeout(CoordinatedShutdown.PhaseBeforeActorSystemTerminate), StopSubscriptions.Instance)
            .ConfigureAwait(false);
    }

    private static TopicPattern[] CheckSubscription(string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(subscriber);
        if (patterns.Count == 0)
        {
            throw new ArgumentException(
                $"Subscription '{subscriptionId}' has no topic patterns; give at least one, e.g. 'model.convergence.*' or '#' for every topic.",
                nameof(patterns));
        }

        var copy = new TopicPattern[patterns.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = patterns[i] ?? throw new ArgumentException($"Pattern {i} of subscription '{subscriptionId}' is null.", nameof(patterns));
        }

        return copy;
    }

    private string ManifestOf(object payload) => payload is JsonPayload
        ? JsonPayload.Manifest
        : _manifests.GetOrAdd(payload.GetType(), static type => type.GetCustomAttribute<ManifestAttribute>()?.Name ?? type.FullName ?? type.Name);
}
