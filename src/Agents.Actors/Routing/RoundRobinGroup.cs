namespace Agents.Actors.Routing;

/// <summary>
/// A group that sends to its routees in turn (see <see cref="RoundRobinRoutingLogic"/>):
/// <c>new RoundRobinGroup("/user/w1", "/user/w2").Props()</c>.
/// </summary>
public sealed record RoundRobinGroup : Group
{
    /// <summary>Creates the group.</summary>
    /// <param name="paths">The absolute paths of the routees; at least one.</param>
    /// <exception cref="ArgumentException">There is no path, or a path is empty or not absolute.</exception>
    public RoundRobinGroup(params IEnumerable<string> paths)
        : base(paths)
    {
    }

    /// <inheritdoc />
    public override Router CreateRouter(ActorSystem system) => new(new RoundRobinRoutingLogic());
}
