namespace Agents.Actors.Routing;

/// <summary>
/// A routee named by a path: each message is sent to the actors the path selects at that moment (a dead
/// letter when it selects none). A group uses it for a path that matched no live actor when the router
/// started, so an actor created later under that path still receives messages.
/// </summary>
public sealed class ActorSelectionRoutee : Routee, IEquatable<ActorSelectionRoutee>
{
    /// <summary>Creates a routee for <paramref name="selection"/>.</summary>
    public ActorSelectionRoutee(ActorSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        Selection = selection;
    }

    /// <summary>The selection messages go to.</summary>
    public ActorSelection Selection { get; }

    /// <inheritdoc />
    public override void Send(object message, IActorRef? sender) => Selection.Tell(message, sender);

    /// <summary>Two selection routees are equal when their selections have the same anchor and path text.</summary>
    public bool Equals(ActorSelectionRoutee? other) =>
        other is not null && Selection.Anchor.Equals(other.Selection.Anchor) && Selection.PathString == other.Selection.PathString;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorSelectionRoutee other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Selection.Anchor, Selection.PathString);

    /// <inheritdoc />
    public override string ToString() => $"ActorSelectionRoutee({Selection.PathString})";
}
