using Agents.Actors;
using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>
/// The topic service's system actor (<c>/system/topics</c>): parent of the durable subscriptions (one child per
/// subscription id) and watcher of the live subscribers, whose subscriptions end when they stop.
/// </summary>
/// <remarks>
/// A durable subscription that is ending stores its offset before it stops; a subscribe with its id that arrives
/// meanwhile waits for it to stop and then starts a new child, which loads the offset just stored. A subscription
/// that fails is stopped and started again after the read-retry backoff with its latest subscriber, from the stored
/// offset (a restart in place would bring back the subscriber it was created with, which may have been replaced).
/// </remarks>
internal sealed class TopicServiceGuardian : ReceiveActor
{
    private readonly LiveDispatcher _dispatcher;
    private readonly ITopicLog _log;
    private readonly ITopicSubscriptionStore _offsets;
    private readonly TopicServiceOptions _options;
    private readonly Task _tailStarted;
    private readonly Dictionary<string, (IActorRef Actor, SubscribeDurably Latest)> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _ending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubscribeDurably> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _idOf = [];
    private readonly HashSet<IActorRef> _watchedLive = [];
    private bool _stopping;
    private long _children;

    public TopicServiceGuardian(
        LiveDispatcher dispatcher, Task tailStarted, ITopicLog log, ITopicSubscriptionStore offsets, TopicServiceOptions options)
    {
        _tailStarted = tailStarted;
        _dispatcher = dispatcher;
        _log = log;
        _offsets = offsets;
        _options = options;

        Receive<SubscribeDurably>(OnSubscribe);
        Receive<Unsubscribe>(OnUnsubscribe);
        Receive<WatchSubscriber>(w =>
        {
            if (_watchedLive.Add(w.Subscriber))
            {
                Context.Watch(w.Subscriber);
            }
        });
        Receive<UnwatchSubscriber>(w =>
        {
            if (!_dispatcher.HasSubscriber(w.Subscriber) && _watchedLive.Remove(w.Subscriber))
            {
                Context.Unwatch(w.Subscriber);
            }
        });
        Receive<Terminated>(OnTerminated);
        Receive<StopSubscriptions>(_ => StopAll());
        Receive<RestartSubscription>(r =>
        {
            if (!_running.ContainsKey(r.SubscriptionId) && !_ending.ContainsKey(r.SubscriptionId) && _waiting.Remove(r.SubscriptionId, out var waiting))
            {
                Start(waiting);
            }
        });

        // Live events carry this actor as sender, so that a subscriber may acknowledge them like durable ones.
        Receive<TopicEventAck>(_ => { });
    }

    private void OnSubscribe(SubscribeDurably subscribe)
    {
        if (_stopping)
        {
            return;
        }

        if (_ending.ContainsKey(subscribe.SubscriptionId))
        {
            _waiting[subscribe.SubscriptionId] = subscribe;
        }
        else if (_running.TryGetValue(subscribe.SubscriptionId, out var running))
        {
            running.Actor.Tell(new ReplaceSubscriber(subscribe.Patterns, subscribe.Subscriber, subscribe.Token), Self);
            _running[subscribe.SubscriptionId] = (running.Actor, subscribe);
        }
        else if (_waiting.ContainsKey(subscribe.SubscriptionId))
        {
            // It failed and waits for its restart, which takes this subscriber.
            _waiting[subscribe.SubscriptionId] = subscribe;
        }
        else
        {
            Start(subscribe);
        }
    }

    private void OnUnsubscribe(Unsubscribe unsubscribe)
    {
        var id = unsubscribe.SubscriptionId;
        if (_waiting.TryGetValue(id, out var waiting) && waiting.Token == unsubscribe.Token)
        {
            _waiting.Remove(id);
        }
        else if (_running.TryGetValue(id, out var running) && running.Latest.Token == unsubscribe.Token)
        {
            End(id, running.Actor);
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!_idOf.Remove(terminated.ActorRef, out var id))
        {
            _watchedLive.Remove(terminated.ActorRef);
            _dispatcher.RemoveSubscriber(terminated.ActorRef);
            return;
        }

        if (_ending.TryGetValue(id, out var ending) && ending.Equals(terminated.ActorRef))
        {
            _ending.Remove(id);
            if (_waiting.Remove(id, out var waiting))
            {
                Start(waiting);
            }
        }
        else if (_running.TryGetValue(id, out var running) && running.Actor.Equals(terminated.ActorRef))
        {
            // It failed and was stopped: start it again after a pause, from the stored offset.
            _running.Remove(id);
            if (!_stopping)
            {
                _waiting[id] = running.Latest;
                Timers.StartSingleTimer(("restart", id), new RestartSubscription(id), _options.ReadRetryMinBackoff);
            }
        }

        if (_stopping && _idOf.Count == 0)
        {
            Context.Stop(Self);
        }
    }

    private void Start(SubscribeDurably subscribe)
    {
        var (log, offsets, options, dispatcher, tailStarted) = (_log, _offsets, _options, _dispatcher, _tailStarted);
        var child = Context.ActorOf(
            Props.Create(() => new DurableSubscription(subscribe, log, offsets, options, dispatcher, tailStarted)),
            "durable-" + ++_children);
        Context.Watch(child);
        _idOf[child] = subscribe.SubscriptionId;
        _running[subscribe.SubscriptionId] = (child, subscribe);
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    private void End(string id, IActorRef actor)
    {
        _running.Remove(id);
        _ending[id] = actor;
        actor.Tell(EndSubscription.Instance, Self);
    }

    private void StopAll()
    {
        _stopping = true;
        _waiting.Clear();
        foreach (var (id, running) in _running.ToArray())
        {
            End(id, running.Actor);
        }

        if (_idOf.Count == 0)
        {
            Context.Stop(Self);
        }
    }

    private sealed record RestartSubscription(string SubscriptionId);
}
