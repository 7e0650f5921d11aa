namespace Agents.Actors.Routing;

/// <summary>
/// A group that sends every message to every routee (see <see cref="BroadcastRoutingLogic"/>):
/// <c>new BroadcastGroup("/user/w1", "/user/w2").Props()</c>.
/// </summary>
public sealed record BroadcastGroup : Group
{
    /// <summary>Creates the group.</summary>
    /// <param name="paths">The absolute paths of the routees; at least one.</param>
    /// <exception cref="ArgumentException">There is no path, or a path is empty or not absolute.</exception>
    public BroadcastGroup(params IEnumerable<string> paths)
        : base(paths)
    {
    }

    /// <inheritdoc />
    public override Router CreateRouter(ActorSystem system) => new(new BroadcastRoutingLogic());
}
