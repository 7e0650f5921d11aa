using Agents.Actors;
using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>
/// One durable subscription, a child of the topic service's guardian: loads the stored offset, reads the log after
/// it with the subscription's patterns, and delivers the events to the subscriber in log order, at most
/// <see cref="TopicServiceOptions.MaxInFlight"/> unacknowledged at once (<see cref="DurableSubscription"/>'s
/// delivery half: acknowledgements, redelivery and offset storage).
/// </summary>
/// <remarks>
/// The reader is a task that follows the log (<see cref="ITopicLog.SubscribeAsync"/>) and tells each event to this
/// actor once it holds one of the in-flight permits; an acknowledgement gives its permit back. A failed read (the
/// database is down, an event cannot be read back) is logged and retried after a doubling backoff, after the last
/// event read, so nothing is skipped and the offset is never lost. Replacing the subscriber starts reading again
/// after the acknowledged offset, so the new subscriber gets every unacknowledged event again, with its delivery id.
/// </remarks>
internal sealed partial class DurableSubscription : ReceiveActor
{
    private readonly string _id;
    private readonly ITopicLog _log;
    private readonly ITopicSubscriptionStore _offsets;
    private readonly TopicServiceOptions _options;
    private readonly TimeProvider _time;
    private IReadOnlyList<TopicPattern> _patterns;
    private TopicFilter _filter;
    private IActorRef? _subscriber;
    private long _token;
    private bool _loaded;
    private TopicOffset _readPosition;
    private int _generation;
    private CancellationTokenSource? _reading;
    private SemaphoreSlim _window;
    private TimeSpan _backoff;

    public DurableSubscription(
        string subscriptionId, IReadOnlyList<TopicPattern> patterns, IActorRef subscriber, long token, ITopicLog log,
        ITopicSubscriptionStore offsets, TopicServiceOptions options)
    {
        _id = subscriptionId;
        _token = token;
        _patterns = patterns;
        _filter = TopicPatternFilter.Create(patterns);
        _subscriber = subscriber;
        _log = log;
        _offsets = offsets;
        _options = options;
        _time = Context.System.TimeProvider;
        _window = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
        _backoff = options.ReadRetryMinBackoff;

        ReceiveAsync<LoadOffset>(_ => LoadAsync());
        Receive<EventRead>(OnEventRead);
        Receive<TopicEventAck>(OnAck);
        Receive<ReadEnded>(OnReadEnded);
        Receive<RetryRead>(r =>
        {
            if (r.Generation == _generation)
            {
                StartReading(fresh: false);
            }
        });
        Receive<RedeliveryDue>(_ => Redeliver());
        Receive<StoreDue>(_ => StoreOffset());
        Receive<OffsetStored>(OnOffsetStored);
        Receive<ReplaceSubscriber>(OnReplace);
        Receive<Terminated>(OnTerminated);
        ReceiveAsync<EndSubscription>(_ => EndAsync());
    }

    protected override void PreStart()
    {
        Context.Watch(_subscriber!);
        Self.Tell(LoadOffset.Instance, null);
    }

    protected override void PostStop()
    {
        _reading?.Cancel();
        if (_committed > _stored)
        {
            // Stopped without EndSubscription (the system terminates): store what is acknowledged, without waiting.
            var (offsets, id, offset, log) = (_offsets, _id, _committed, Log);
            _ = Task.Run(async () =>
            {
                try
                {
                    await offsets.StoreOffsetAsync(id, offset).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    TopicServiceLog.OffsetStoreFailed(log, id, offset, e);
                }
            });
        }
    }

    private async Task LoadAsync()
    {
        TopicOffset offset;
        try
        {
            offset = await _offsets.LoadOffsetAsync(_id).ConfigureAwait(true);
        }
        catch (Exception e)
        {
            TopicServiceLog.OffsetLoadFailed(Log, _id, _backoff, e);
            Timers.StartSingleTimer(LoadOffset.Instance, LoadOffset.Instance, _backoff);
            _backoff = NextBackoff(_backoff);
            return;
        }

        _backoff = _options.ReadRetryMinBackoff;
        _committed = _stored = offset;
        _loaded = true;
        StartReading(fresh: true);
    }

    private void OnReplace(ReplaceSubscriber replace)
    {
        if (_subscriber is not null && !_subscriber.Equals(replace.Subscriber))
        {
            Context.Unwatch(_subscriber);
        }

        _subscriber = replace.Subscriber;
        _token = replace.Token;
        Context.Watch(_subscriber);
        _patterns = replace.Patterns;
        _filter = TopicPatternFilter.Create(_patterns);
        if (_loaded)
        {
            StartReading(fresh: true);
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        if (terminated.ActorRef.Equals(_subscriber))
        {
            // Delivery ends; the guardian ends the subscription (offset stored) unless a new subscriber came first.
            _subscriber = null;
            Context.Parent.Tell(new Unsubscribe(_id, _token), Self);
        }
    }

    private async Task EndAsync()
    {
        _reading?.Cancel();
        _reading = null;
        Timers.CancelAll();
        if (_committed > _stored)
        {
            var offset = _committed;
            try
            {
                await _offsets.StoreOffsetAsync(_id, offset).ConfigureAwait(true);
                _stored = offset;
            }
            catch (Exception e)
            {
                TopicServiceLog.OffsetStoreFailed(Log, _id, offset, e);
            }
        }

        TopicServiceLog.DurableEnded(Log, _id, _stored);
        Context.Stop(Self);
    }

    /// <summary>
    /// Starts a reader. <paramref name="fresh"/>: after the acknowledged offset, forgetting what is in flight (a new
    /// subscriber or new patterns); otherwise after the last event read, keeping what is in flight (a retry).
    /// </summary>
    private void StartReading(bool fresh)
    {
        _reading?.Cancel();
        _generation++;
        if (fresh)
        {
            _inFlight.Clear();
            _unacked.Clear();
            Timers.Cancel(RedeliveryDue.Instance);
            _window = new SemaphoreSlim(_options.MaxInFlight, _options.MaxInFlight);
            _readPosition = _committed;
            TopicServiceLog.DurableStarted(Log, _id, _subscriber?.Path.ToString() ?? "nobody", _readPosition);
        }

        var reading = new CancellationTokenSource();
        _reading = reading;
        var (log, from, filter, window, self, generation) = (_log, _readPosition, _filter, _window, Self, _generation);
        _ = Task.Run(() => ReadAsync(log, from, filter, window, self, generation, reading.Token));
    }

    private static async Task ReadAsync(
        ITopicLog log, TopicOffset from, TopicFilter filter, SemaphoreSlim window, IActorRef self, int generation,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var envelope in log.SubscribeAsync(from, filter, cancellationToken).ConfigureAwait(false))
            {
                await window.WaitAsync(cancellationToken).ConfigureAwait(false);
                self.Tell(new EventRead(generation, envelope), null);
            }

            cancellationToken.ThrowIfCancellationRequested();
            self.Tell(new ReadEnded(generation, new InvalidOperationException("The live read of the topic log ended.")), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            self.Tell(new ReadEnded(generation, e), null);
        }
    }

    private void OnEventRead(EventRead read)
    {
        if (read.Generation != _generation)
        {
            return;
        }

        _backoff = _options.ReadRetryMinBackoff;
        _readPosition = read.Envelope.Offset;
        var delivery = new Delivery(read.Envelope, _time.GetUtcNow());
        _inFlight.Enqueue(delivery);
        _unacked[delivery.Envelope.Offset] = delivery;
        Send(delivery);
        ScheduleRedelivery();
    }

    private void OnReadEnded(ReadEnded ended)
    {
        if (ended.Generation != _generation)
        {
            return;
        }

        TopicServiceLog.DurableReadFailed(Log, _id, _readPosition, _backoff, ended.Error);
        Timers.StartSingleTimer(RetryRead.Key, new RetryRead(_generation), _backoff);
        _backoff = NextBackoff(_backoff);
    }

    private TimeSpan NextBackoff(TimeSpan backoff) =>
        backoff * 2 < _options.ReadRetryMaxBackoff ? backoff * 2 : _options.ReadRetryMaxBackoff;

    private sealed record LoadOffset
    {
        public static LoadOffset Instance { get; } = new();
    }

    private sealed record RetryRead(int Generation)
    {
        public static object Key { get; } = new();
    }
}
