using Agents.Actors;
using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>
/// The live side of a topic service: the live subscriptions, waits and durable subscriptions' wake-ups, matched
/// against every event the service's tail reads from the log.
/// </summary>
/// <remarks>
/// <para>
/// Live delivery has one source, the tail (<see cref="TopicTail"/>), which reads every event of the log in log order,
/// whoever appended it. So a live subscriber gets each event once, in log order, and events that another service
/// (another node) appends reach it the same way as local ones.
/// </para>
/// <para>
/// One lock orders dispatches against subscription changes; work under it is short (matching and <c>Tell</c>).
/// </para>
/// </remarks>
internal sealed class LiveDispatcher
{
    private readonly Lock _gate = new();
    private readonly TopicSubscriptions<LiveTarget> _subscriptions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IActorRef, List<SubscriberTarget>> _bySubscriber = [];
    private readonly Dictionary<LiveTarget, IReadOnlyList<TopicPattern>> _patterns = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<LiveTarget> _matched = new(ReferenceEqualityComparer.Instance);

    /// <summary>The number of live subscriptions and waits (durable subscriptions' wake-ups not counted).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _patterns.Keys.Count(target => target is not DurableWakeup);
            }
        }
    }

    /// <summary>Adds <paramref name="target"/> for the topics matching <paramref name="patterns"/>.</summary>
    public void Add(IReadOnlyList<TopicPattern> patterns, LiveTarget target)
    {
        lock (_gate)
        {
            foreach (var pattern in patterns)
            {
                _subscriptions.Add(pattern, target);
            }

            _patterns[target] = patterns;
            if (target is SubscriberTarget subscriber)
            {
                if (!_bySubscriber.TryGetValue(subscriber.Subscriber, out var targets))
                {
                    _bySubscriber[subscriber.Subscriber] = targets = [];
                }

                targets.Add(subscriber);
            }
        }
    }

    /// <summary>Removes <paramref name="target"/>; nothing happens when it is gone already.</summary>
    public void Remove(LiveTarget target)
    {
        lock (_gate)
        {
            RemoveLocked(target);
        }
    }

    /// <summary>Removes every live subscription of <paramref name="subscriber"/> (it stopped).</summary>
    /// <returns>How many were removed.</returns>
    public int RemoveSubscriber(IActorRef subscriber)
    {
        lock (_gate)
        {
            if (!_bySubscriber.TryGetValue(subscriber, out var targets))
            {
                return 0;
            }

            var count = targets.Count;
            foreach (var target in targets.ToArray())
            {
                RemoveLocked(target);
            }

            return count;
        }
    }

    /// <summary>Whether <paramref name="subscriber"/> holds a live subscription.</summary>
    public bool HasSubscriber(IActorRef subscriber)
    {
        lock (_gate)
        {
            return _bySubscriber.ContainsKey(subscriber);
        }
    }

    /// <summary>
    /// Delivers an event the tail read to the matching targets.
    /// </summary>
    public void Dispatch(TopicEnvelope envelope)
    {
        lock (_gate)
        {
            // A foreign writer may have stored a topic that is not a valid name; no pattern can match it.
            if (!TopicName.TryParse(envelope.Topic, out var topic) || _patterns.Count == 0)
            {
                return;
            }

            _matched.Clear();
            _subscriptions.Match(topic, _matched);
            foreach (var target in _matched)
            {
                if (target.Offer(envelope))
                {
                    RemoveLocked(target);
                }
            }

            _matched.Clear();
        }
    }

    private void RemoveLocked(LiveTarget target)
    {
        if (!_patterns.Remove(target, out var patterns))
        {
            return;
        }

        foreach (var pattern in patterns)
        {
            _subscriptions.Remove(pattern, target);
        }

        if (target is SubscriberTarget subscriber && _bySubscriber.TryGetValue(subscriber.Subscriber, out var targets))
        {
            targets.Remove(subscriber);
            if (targets.Count == 0)
            {
                _bySubscriber.Remove(subscriber.Subscriber);
            }
        }
    }
}
