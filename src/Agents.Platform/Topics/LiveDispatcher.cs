using Agents.Actors;
using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>
/// The live side of a topic service: the live subscriptions, waits and durable subscriptions' wake-ups, matched
/// against every event the service's tail reads from the log, and the publishes waiting for the tail to pass their
/// event.
/// </summary>
/// <remarks>
/// <para>
/// Live delivery has one source, the tail (<see cref="TopicTail"/>), which reads every event of the log in log order,
/// whoever appended it. So a live subscriber gets each event once, in log order, and events that another service
/// (another node) appends reach it the same way as local ones.
/// </para>
/// <para>
/// A publish completes only once the tail has dispatched its event (<see cref="WaitForTail"/>), so a subscription
/// made after <see cref="ITopicService.PublishAsync"/> returned never receives that event, and the envelope the
/// publisher gets back is the stored one that the subscribers got.
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
    private readonly Dictionary<TopicOffset, TaskCompletionSource<TopicEnvelope>> _publishes = [];
    private readonly Dictionary<LiveTarget, IReadOnlyList<TopicPattern>> _patterns = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<LiveTarget> _matched = new(ReferenceEqualityComparer.Instance);
    private TopicOffset _position;

    /// <summary>The offset of the last event the tail passed.</summary>
    public TopicOffset Position
    {
        get
        {
            lock (_gate)
            {
                return _position;
            }
        }
    }

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

    /// <summary>Sets where the tail starts: events at or before <paramref name="end"/> are not dispatched.</summary>
    public void StartAt(TopicOffset end)
    {
        lock (_gate)
        {
            _position = end;
        }
    }

    /// <summary>
    /// Delivers an event the tail read to the matching targets and completes the publish that waits for it.
    /// </summary>
    public void Dispatch(TopicEnvelope envelope)
    {
        lock (_gate)
        {
            _position = envelope.Offset;
            if (_publishes.Remove(envelope.Offset, out var publish))
            {
                publish.TrySetResult(envelope);
            }

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

    /// <summary>The tail passed an event it cannot read: a publish waiting for it fails with <paramref name="error"/>.</summary>
    public void Skip(TopicOffset offset, Exception error)
    {
        lock (_gate)
        {
            _position = offset;
            if (_publishes.Remove(offset, out var publish))
            {
                publish.TrySetException(error);
            }
        }
    }

    /// <summary>
    /// A task that completes with the event at <paramref name="offset"/> once the tail has dispatched it, or
    /// <see langword="null"/> when the tail has passed it already.
    /// </summary>
    public Task<TopicEnvelope>? WaitForTail(TopicOffset offset)
    {
        lock (_gate)
        {
            if (offset <= _position)
            {
                return null;
            }

            if (!_publishes.TryGetValue(offset, out var publish))
            {
                _publishes[offset] = publish = new TaskCompletionSource<TopicEnvelope>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return publish.Task;
        }
    }

    /// <summary>Stops waiting for the tail at <paramref name="offset"/> (the publisher gave up).</summary>
    public void StopWaiting(TopicOffset offset)
    {
        lock (_gate)
        {
            _publishes.Remove(offset);
        }
    }

    /// <summary>Fails every waiting publish: the service stops.</summary>
    public void FailWaiting(Exception error)
    {
        lock (_gate)
        {
            foreach (var publish in _publishes.Values)
            {
                publish.TrySetException(error);
            }

            _publishes.Clear();
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
