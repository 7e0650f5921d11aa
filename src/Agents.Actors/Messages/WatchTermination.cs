namespace Agents.Actors;

/// <summary>
/// A watcher's own note that a watched actor stopped, queued behind the messages already in its
/// mailbox. It becomes the <see cref="Terminated"/> (or custom message) only if the watch was not
/// removed in the meantime.
/// </summary>
internal sealed class WatchTermination(IActorRef subject, bool existenceConfirmed, bool addressTerminated, object? custom) : IAutoReceivedMessage
{
    public IActorRef Subject { get; } = subject;
    public bool ExistenceConfirmed { get; } = existenceConfirmed;
    public bool AddressTerminated { get; } = addressTerminated;
    public object? Custom { get; } = custom;
}
