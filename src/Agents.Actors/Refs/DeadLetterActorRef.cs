namespace Agents.Actors;

/// <summary>
/// <c>/deadLetters</c>: messages told to it are published as <see cref="DeadLetter"/>. Watching it
/// yields an immediate <see cref="Terminated"/>.
/// </summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : IInternalActorRef
{
    public ActorPath Path { get; } = path;

    public ActorSystem System { get; } = system;

    public bool IsTerminated => true;

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.DeadLetterOf(message, sender, this);
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && !watch.Watcher.Equals(this))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, existenceConfirmed: false, addressTerminated: false));
        }
    }

    public bool Equals(IActorRef? other) => ActorRefEquality.Equals(this, other);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => ActorRefEquality.GetHashCode(this);

    public override string ToString() => $"[{Path}]";
}
