namespace Agents.Actors;

// What a layer built on actors (the persistent actor) needs to run its callbacks on the actor's own turn
// with the right sender: the synchronization context of the current incarnation, and a way to present a
// callback with the sender of the message that caused it.
internal sealed partial class ActorCell
{
    /// <summary>
    /// The synchronization context of the current incarnation: work posted to it runs on the actor's turn (as
    /// a system message, so also while an async turn holds the mailbox); work of an earlier incarnation is dropped.
    /// </summary>
    internal SynchronizationContext IncarnationContext
    {
        get
        {
            var extras = Extras;
            return extras.SyncContext ??= new ActorSynchronizationContext(this);
        }
    }

    /// <summary>
    /// Makes <paramref name="sender"/> the current sender (what <see cref="Sender"/>, <c>Context.Sender</c> and
    /// <c>Forward</c> see) and returns the previous one, which the caller restores when its callback is done.
    /// </summary>
    internal IActorRef? ExchangeSender(IActorRef? sender)
    {
        var previous = _currentSender;
        _currentSender = sender;
        return previous;
    }
}
