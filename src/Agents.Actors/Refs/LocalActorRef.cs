namespace Agents.Actors;

/// <summary>The ref of an actor of this process: telling it enqueues into the actor's mailbox.</summary>
internal sealed class LocalActorRef : IInternalActorRef
{
    public LocalActorRef(ActorPath path, Mailbox mailbox)
    {
        Path = path;
        Mailbox = mailbox;
    }

    public ActorPath Path { get; }

    public Mailbox Mailbox { get; }

    public ActorCell Cell => Mailbox.Cell;

    public ActorSystem System => Mailbox.Cell.System;

    public bool IsTerminated => Mailbox.IsClosed;

    public void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            ThrowNullMessage();
        }
        Mailbox.PostUser(message, sender);
    }

    public void SendSystemMessage(SystemMessage message) => Mailbox.PostSystem(message);

    public bool Equals(IActorRef? other) => ActorRefEquality.Equals(this, other);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => ActorRefEquality.GetHashCode(this);

    public override string ToString() => $"[{Path}#{Path.Uid}]";

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowNullMessage() =>
        throw new ArgumentNullException("message", $"A null message was sent to {Path}; send an object (for example a record) instead.");
}
