namespace Agents.Actors.Routing;

/// <summary>
/// A pool that sends each message to the routee with the fewest waiting messages, an idle one first (see <see cref="SmallestMailboxRoutingLogic"/>):
/// <c>new SmallestMailboxPool(5).Props(Props.Create&lt;Worker&gt;())</c>.
/// </summary>
public sealed record SmallestMailboxPool : Pool
{
    /// <summary>Creates the pool.</summary>
    /// <param name="nrOfInstances">How many routees to create; at least 1.</param>
    /// <param name="supervisorStrategy">How the router handles its routees' failures; <see cref="Pool.DefaultSupervisorStrategy"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number of routees is below 1.</exception>
    public SmallestMailboxPool(int nrOfInstances, SupervisorStrategy? supervisorStrategy = null)
        : base(nrOfInstances, supervisorStrategy)
    {
    }

    /// <inheritdoc />
    public override Router CreateRouter(ActorSystem system) => new(new SmallestMailboxRoutingLogic());
}
