namespace Agents.Actors.Routing;

/// <summary>A routee that is one actor, named by its ref. The routee of every pool and of resolved group paths.</summary>
public sealed class ActorRefRoutee : Routee, IEquatable<ActorRefRoutee>
{
    /// <summary>Creates a routee for <paramref name="actor"/>.</summary>
    public ActorRefRoutee(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Actor = actor;
    }

    /// <summary>The actor messages go to.</summary>
    public IActorRef Actor { get; }

    /// <inheritdoc />
    public override void Send(object message, IActorRef? sender) => Actor.Tell(message, sender);

    /// <inheritdoc />
    public bool Equals(ActorRefRoutee? other) => other is not null && Actor.Equals(other.Actor);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorRefRoutee other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Actor.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"ActorRefRoutee({Actor.Path})";
}
