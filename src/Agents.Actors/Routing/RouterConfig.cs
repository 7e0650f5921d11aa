namespace Agents.Actors.Routing;

/// <summary>
/// What kind of router <c>ActorOf</c> creates for props given <see cref="Props.WithRouter"/>: a
/// <see cref="Pool"/> creates and supervises its routees, a <see cref="Group"/> routes to actors that
/// already exist. The router is an actor whose ref routes ordinary messages on the sending thread, straight
/// into a routee's mailbox, without passing through the router's own mailbox; only management messages
/// (<see cref="RouterManagementMessage"/>, <see cref="PoisonPill"/>, <see cref="Kill"/>,
/// <see cref="Identify"/>) are queued for the router actor.
/// </summary>
public abstract record RouterConfig
{
    private protected RouterConfig()
    {
    }

    /// <summary>Creates the routing logic, with no routees yet, for one router.</summary>
    /// <param name="system">The system the router runs in.</param>
    public abstract Router CreateRouter(ActorSystem system);

    /// <summary>Whether the router stops once its last routee has terminated or been removed.</summary>
    /// <value><see langword="true"/>, as in Akka for routers without a resizer.</value>
    public virtual bool StopRouterWhenAllRouteesRemoved => true;

    /// <summary>The routees a new router starts with. Called once per router, before any message is routed.</summary>
    internal abstract IEnumerable<Routee> CreateRoutees(ActorCell router);

    /// <summary>The actor behind the router's ref, which handles management messages and supervises pool routees.</summary>
    internal ActorBase CreateRouterActor() => new RouterActor();
}
