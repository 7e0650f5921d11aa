namespace Agents.Actors;

/// <summary>Read-only queries over the actor hierarchy, for management tools that show it.</summary>
public sealed partial class ActorSystem
{
    /// <summary>The guardian of application actors: <c>/user</c>, the parent of every <see cref="ActorOf"/> actor.</summary>
    public IActorRef UserGuardian => _userGuardian.Self;

    /// <summary>The guardian of the runtime's and its extensions' actors: <c>/system</c>.</summary>
    public IActorRef SystemGuardian => _systemGuardian.Self;

    /// <summary>
    /// A snapshot of the live children of <paramref name="actor"/>, e.g. to walk the tree from
    /// <see cref="UserGuardian"/>. Empty for an actor of another system, a stopped actor or one without children.
    /// Safe from any thread; the children may change right after it returns.
    /// </summary>
    public IReadOnlyCollection<IActorRef> GetChildren(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is LocalActorRef local && ReferenceEquals(local.System, this) && !local.IsTerminated
            ? local.Cell.Children
            : [];
    }
}
