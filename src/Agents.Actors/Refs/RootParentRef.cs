namespace Agents.Actors;

/// <summary>
/// The parent of the root guardian. It receives the root's death notice, which completes the system's
/// termination, and stops the root if it ever fails.
/// </summary>
internal sealed class RootParentRef(ActorSystem system, ActorPath path) : IInternalActorRef
{
    public ActorPath Path { get; } = path;

    public ActorSystem System { get; } = system;

    public bool IsTerminated => false;

    public void Tell(object message, IActorRef? sender) => System.DeadLetterOf(message, sender, this);

    public void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case DeathWatchNotification:
                System.OnRootTerminated();
                break;
            case Failed failed when failed.Child is IInternalActorRef root:
                root.SendSystemMessage(new Terminate());
                break;
        }
    }

    public bool Equals(IActorRef? other) => ActorRefEquality.Equals(this, other);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => ActorRefEquality.GetHashCode(this);

    public override string ToString() => $"[{Path}]";
}
