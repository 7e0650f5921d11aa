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
/// <para>
/// Reading is a task that reads the log's committed events after the last one read (<see cref="ITopicLog.ReadAsync"/>)
/// and tells each to this actor once it holds one of the in-flight permits; an acknowledgement gives its permit back.
/// When it has read everything, the subscription is idle: the service's live reader, which follows the log for all
/// subscriptions, wakes it when an event matching its patterns is appended (<see cref="DurableWakeup"/>), and it reads
/// again. So an idle subscription costs the database nothing, and a new event costs one read per subscription it
/// matches, instead of one live read per subscription polling the log.
/// </para>
/// <para>
/// A failed read (the database is down, an event cannot be read back) is logged and retried after a doubling
/// backoff, after the last event read, so nothing is skipped and the offset is never lost. Replacing the subscriber
/// reads again after the acknowledged offset, so the new subscriber gets every unacknowledged event again, with its
/// delivery id.
/// </para>
/// </remarks>
internal sealed partial class DurableSubscription : ReceiveActor
{
    private readonly string _id;
    private readonly SubscriptionStart _start;
    private readonly ITopicLog _log;
    private readonly ITopicSubscriptionStore _offsets;
    private readonly TopicServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly LiveDispatcher _dispatcher;
    private readonly Task _tailStarted;
    private readonly DurableWakeup _wakeup;
    private IReadOnlyList<TopicPattern> _patterns;
    private TopicFilter _filter;
    private IActorRef? _subscriber;
    private long _token;
    private bool _loaded;
    private TopicOffset _readPosition;
    private int _generation;
    private CancellationTokenSource? _reading;
    private bool _woken;
    private SemaphoreSlim _window;
    private TimeSpan _backoff;

    public DurableSubscription(
        SubscribeDurably subscribe, ITopicLog log, ITopicSubscriptionStore offsets, TopicServiceOptions options,
        LiveDispatcher dispatcher, Task tailStarted)
    {
        _dispatcher = dispatcher;
        _tailStarted = tailStarted;
        _wakeup = new DurableWakeup(Self);
        _id = subscribe.SubscriptionId;
        _start = subscribe.Start;
        _token = subscribe.Token;
        _patterns = subscribe.Patterns;
        _filter = TopicPatternFilter.Create(_patterns);
        _subscriber = subscribe.Subscriber;
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
        Receive<ReadCompleted>(OnReadCompleted);
        Receive<LogAdvanced>(OnLogAdvanced);
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

        // Registered before the first read, so that an event appended after that read's end wakes it; and the first
        // read waits for the live reader to know where the log ends, since events before that end wake nobody.
        _dispatcher.Add(_patterns, _wakeup);
        _tailStarted.PipeTo(Self, success: () => LoadOffset.Instance, failure: _ => LoadOffset.Instance);
    }

    protected override void PostStop()
    {
        _dispatcher.Remove(_wakeup);
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
            offset = await _offsets.LoadOffsetAsync(_id).ConfigureAwait(true) ?? await BeginAsync().ConfigureAwait(true);
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

    /// <summary>
    /// Where a subscription with no stored offset begins; one that begins at the end stores it at once, so that after a
    /// restart it resumes there instead of at the end of that moment.
    /// </summary>
    private async Task<TopicOffset> BeginAsync()
    {
        if (_start == SubscriptionStart.Beginning)
        {
            return TopicOffset.Start;
        }

        var end = await _log.ReadEndAsync().ConfigureAwait(true);
        await _offsets.StoreOffsetAsync(_id, end).ConfigureAwait(true);
        TopicServiceLog.DurableBeganAtEnd(Log, _id, end);
        return end;
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
        _dispatcher.Remove(_wakeup);
        _patterns = replace.Patterns;
        _filter = TopicPatternFilter.Create(_patterns);
        _dispatcher.Add(_patterns, _wakeup);
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
        _dispatcher.Remove(_wakeup);
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
    /// Starts a read. <paramref name="fresh"/>: after the acknowledged offset, forgetting what is in flight (a new
    /// subscriber or new patterns); otherwise after the last event read, keeping what is in flight (new events, a retry).
    /// </summary>
    private void StartReading(bool fresh)
    {
        _reading?.Cancel();
        _generation++;
        _woken = false;
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
            await foreach (var envelope in log.ReadAsync(from, filter, cancellationToken).ConfigureAwait(false))
            {
                await window.WaitAsync(cancellationToken).ConfigureAwait(false);
                self.Tell(new EventRead(generation, envelope), null);
            }

            self.Tell(new ReadCompleted(generation), null);
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

    private void OnReadCompleted(ReadCompleted completed)
    {
        if (completed.Generation != _generation)
        {
            return;
        }

        _reading = null;
        if (_woken)
        {
            StartReading(fresh: false);
        }
    }

    private void OnLogAdvanced(LogAdvanced advanced)
    {
        if (!_loaded || advanced.Offset <= _readPosition)
        {
            return;
        }

        if (_reading is not null || Timers.IsTimerActive(RetryRead.Key))
        {
            // The read under way (or the retry after a failed one) may end before this event: read again after it.
            _woken = true;
        }
        else
        {
            StartReading(fresh: false);
        }
    }

    private void OnReadEnded(ReadEnded ended)
    {
        if (ended.Generation != _generation)
        {
            return;
        }

        _reading = null;
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
