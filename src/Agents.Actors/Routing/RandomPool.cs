namespace Agents.Actors.Routing;

/// <summary>
/// A pool that sends each message to a random routee (see <see cref="RandomRoutingLogic"/>):
/// <c>new RandomPool(5).Props(Props.Create&lt;Worker&gt;())</c>.
/// </summary>
public sealed record RandomPool : Pool
{
    /// <summary>Creates the pool.</summary>
    /// <param name="nrOfInstances">How many routees to create; at least 1.</param>
    /// <param name="supervisorStrategy">How the router handles its routees' failures; <see cref="Pool.DefaultSupervisorStrategy"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number of routees is below 1.</exception>
    public RandomPool(int nrOfInstances, SupervisorStrategy? supervisorStrategy = null)
        : base(nrOfInstances, supervisorStrategy)
    {
    }

    /// <inheritdoc />
    public override Router CreateRouter(ActorSystem system) => new(new RandomRoutingLogic());
}
