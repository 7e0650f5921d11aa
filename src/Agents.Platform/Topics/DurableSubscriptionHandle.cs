using Agents.Actors;

namespace Agents.Platform.Topics;

/// <summary>
/// The handle of a durable subscription: disposing it ends the subscription (its offset stored), unless a later
/// subscribe with the same id has replaced the subscriber since.
/// </summary>
internal sealed class DurableSubscriptionHandle(IActorRef guardian, string subscriptionId, long token) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            guardian.Tell(new Unsubscribe(subscriptionId, token), null);
        }
    }
}
