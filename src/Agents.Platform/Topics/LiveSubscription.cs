using Agents.Actors;

namespace Agents.Platform.Topics;

/// <summary>The handle of a live subscription: disposing it removes the subscription.</summary>
internal sealed class LiveSubscription(LiveDispatcher dispatcher, SubscriberTarget target, IActorRef guardian) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            dispatcher.Remove(target);
            guardian.Tell(new UnwatchSubscriber(target.Subscriber), null);
        }
    }
}
