namespace Agents.Actors.Routing;

/// <summary>
/// A group that sends each message to a random routee (see <see cref="RandomRoutingLogic"/>):
/// <c>new RandomGroup("/user/w1", "/user/w2").Props()</c>.
/// </summary>
public sealed record RandomGroup : Group
{
    /// <summary>Creates the group.</summary>
    /// <param name="paths">The absolute paths of the routees; at least one.</param>
    /// <exception cref="ArgumentException">There is no path, or a path is empty or not absolute.</exception>
    public RandomGroup(params IEnumerable<string> paths)
        : base(paths)
    {
    }

    /// <inheritdoc />
    public override Router CreateRouter(ActorSystem system) => new(new RandomRoutingLogic());
}
