using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>
/// The system-wide publish/subscribe channel for runtime events (<see cref="DeadLetter"/>,
/// <see cref="UnhandledMessage"/>) and application events. A subscription to a type also receives
/// events of its subtypes; each subscriber receives an event once even when several of its
/// subscriptions match. Subscribers are actor refs (unsubscribed automatically once they stop) or
/// callbacks (which run on the publishing thread and must be quick).
/// </summary>
public sealed class EventStream
{
    private readonly Lock _lock = new();
    private readonly ILogger _log;
    private Subscriber[] _subscribers = [];

    internal EventStream(ILogger log) => _log = log;

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>.</summary>
    /// <returns><see langword="false"/> when it was already subscribed to that channel.</returns>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            var index = IndexOf(subscriber);
            if (index < 0)
            {
                _subscribers = [.. _subscribers, new Subscriber(subscriber, null, [channel])];
                return true;
            }
            var existing = _subscribers[index];
            if (existing.Channels.Contains(channel))
            {
                return false;
            }
            Replace(index, existing with { Channels = [.. existing.Channels, channel] });
            return true;
        }
    }

    /// <summary>Subscribes <paramref name="subscriber"/> to events of type <typeparamref name="T"/> and its subtypes.</summary>
    public bool Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    /// <summary>Removes one channel of a subscriber.</summary>
    /// <returns><see langword="false"/> when it was not subscribed to that channel.</returns>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            var index = IndexOf(subscriber);
            if (index < 0 || !_subscribers[index].Channels.Contains(channel))
            {
                return false;
            }
            var remaining = _subscribers[index].Channels.Where(c => c != channel).ToArray();
            if (remaining.Length == 0)
            {
                RemoveAt(index);
            }
            else
            {
                Replace(index, _subscribers[index] with { Channels = remaining });
            }
            return true;
        }
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_lock)
        {
            var index = IndexOf(subscriber);
            if (index < 0)
            {
                return false;
            }
            RemoveAt(index);
            return true;
        }
    }

    /// <summary>
    /// Calls <paramref name="handler"/> on the publishing thread for every event of type
    /// <typeparamref name="T"/> (and subtypes) until the returned handle is disposed. Exceptions of the
    /// handler are logged and do not reach the publisher.
    /// </summary>
    public IDisposable Subscribe<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscriber = new Subscriber(null, e => handler((T)e), [typeof(T)]);
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscriber];
        }
        return new Subscription(this, subscriber);
    }

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subscribers = Volatile.Read(ref _subscribers);
        foreach (var subscriber in subscribers)
        {
            if (!subscriber.Matches(@event))
            {
                continue;
            }
            if (subscriber.Ref is { } target)
            {
                if (target is IInternalActorRef { IsTerminated: true })
                {
                    Unsubscribe(target);
                    continue;
                }
                target.Tell(@event, null);
            }
            else
            {
                try
                {
                    subscriber.Callback!(@event);
                }
                catch (Exception e)
                {
                    LogMessages.EventSubscriberFailed(_log, @event.GetType().Name, e);
                }
            }
        }
    }

    private int IndexOf(IActorRef subscriber)
    {
        for (var i = 0; i < _subscribers.Length; i++)
        {
            if (_subscribers[i].Ref is { } existing && existing.Equals(subscriber))
            {
                return i;
            }
        }
        return -1;
    }

    private void Replace(int index, Subscriber subscriber)
    {
        var copy = (Subscriber[])_subscribers.Clone();
        copy[index] = subscriber;
        _subscribers = copy;
    }

    private void RemoveAt(int index) => _subscribers = [.. _subscribers[..index], .. _subscribers[(index + 1)..]];

    private void Remove(Subscriber subscriber)
    {
        lock (_lock)
        {
            for (var i = 0; i < _subscribers.Length; i++)
            {
                if (ReferenceEquals(_subscribers[i], subscriber))
                {
                    RemoveAt(i);
                    return;
                }
            }
        }
    }

    private sealed record Subscriber(IActorRef? Ref, Action<object>? Callback, Type[] Channels)
    {
        public bool Matches(object @event)
        {
            foreach (var channel in Channels)
            {
                if (channel.IsInstanceOfType(@event))
                {
                    return true;
                }
            }
            return false;
        }
    }

    private sealed class Subscription(EventStream stream, Subscriber subscriber) : IDisposable
    {
        public void Dispose() => stream.Remove(subscriber);
    }
}
