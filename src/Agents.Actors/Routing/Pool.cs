namespace Agents.Actors.Routing;

/// <summary>
/// A router that creates <see cref="NrOfInstances"/> routees from the routee props as its own children
/// (named <c>$a</c>, <c>$b</c>, ...) and supervises them with <see cref="SupervisorStrategy"/>. A routee
/// that stops is removed; when the last one is gone the router stops. A restart of the router (after an
/// escalated failure) restarts its routees and keeps their number.
/// </summary>
public abstract record Pool : RouterConfig
{
    private readonly int _nrOfInstances;
    private readonly SupervisorStrategy _supervisorStrategy = DefaultSupervisorStrategy;

    /// <summary>Creates a pool.</summary>
    /// <param name="nrOfInstances">How many routees to create; at least 1.</param>
    /// <param name="supervisorStrategy">How the router handles its routees' failures; <see cref="DefaultSupervisorStrategy"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number of routees is below 1.</exception>
    protected Pool(int nrOfInstances, SupervisorStrategy? supervisorStrategy = null)
    {
        NrOfInstances = nrOfInstances;
        SupervisorStrategy = supervisorStrategy ?? DefaultSupervisorStrategy;
    }

    /// <summary>
    /// The strategy a pool uses unless given another, as in Akka.NET: one-for-one with
    /// <see cref="Actors.SupervisorStrategy.DefaultDecider"/>, so a failing routee is restarted (stopped
    /// for initialization failures, <see cref="Kill"/> and death pacts) and the other routees carry on.
    /// </summary>
    public static SupervisorStrategy DefaultSupervisorStrategy => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>How many routees the router creates when it starts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NrOfInstances
    {
        get => _nrOfInstances;
        init
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(NrOfInstances), value,
                    $"A {GetType().Name} needs at least 1 routee (nrOfInstances was {value}); a router without routees turns every message into a dead letter.");
            }
            _nrOfInstances = value;
        }
    }

    /// <summary>How the router handles its routees' failures.</summary>
    /// <value><see cref="DefaultSupervisorStrategy"/> unless set.</value>
    public SupervisorStrategy SupervisorStrategy
    {
        get => _supervisorStrategy;
        init => _supervisorStrategy = value ?? throw new ArgumentNullException(nameof(SupervisorStrategy));
    }

    /// <summary>Props for this pool in front of routees made from <paramref name="routeeProps"/>; the same as <c>routeeProps.WithRouter(pool)</c>.</summary>
    public Actors.Props Props(Actors.Props routeeProps)
    {
        ArgumentNullException.ThrowIfNull(routeeProps);
        return routeeProps.WithRouter(this);
    }

    /// <summary>Returns this pool with another supervisor strategy for its routees.</summary>
    public Pool WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }

    /// <summary>Creates one routee as a child of the router.</summary>
    internal static Routee NewRoutee(ActorCell router, Actors.Props routeeProps) => new ActorRefRoutee(router.ActorOf(routeeProps));

    internal override IEnumerable<Routee> CreateRoutees(ActorCell router)
    {
        var routeeProps = router.Props.RouteeProps;
        var routees = new Routee[NrOfInstances];
        for (var i = 0; i < routees.Length; i++)
        {
            routees[i] = NewRoutee(router, routeeProps);
        }
        return routees;
    }
}
