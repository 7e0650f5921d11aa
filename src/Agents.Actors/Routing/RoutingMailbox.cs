namespace Agents.Actors.Routing;

/// <summary>
/// The mailbox of a router actor, and where its routing happens: <see cref="PostUser"/> runs on the
/// sending thread and hands an ordinary message straight to the routee the logic picks, so routing costs
/// no extra mailbox hop and no turn of the router actor (Akka does the same in its RoutedActorCell).
/// Management messages, and everything once the router has stopped, take the normal path through this
/// mailbox to the <see cref="RouterActor"/>.
/// </summary>
/// <remarks>
/// The current <see cref="Routing.Router"/> is immutable and swapped as a whole, so senders never lock.
/// It is created, with the initial routees, by whichever comes first: the first message sent or the
/// router actor's start. Creating it before any message is routed keeps each sender's messages in order.
/// After that only the router actor replaces it, on its own turn.
/// </remarks>
internal sealed class RoutingMailbox(ActorCell cell, MessageDispatcher dispatcher, RouterConfig config) : Mailbox(cell, dispatcher)
{
    private readonly Lock _initializing = new();
    private Router? _router;

    public RouterConfig Config => config;

    /// <summary>The current router, created with the initial routees on first use.</summary>
    public Router Router => Volatile.Read(ref _router) ?? Initialize();

    /// <summary>Replaces the router. Router actor's turn only.</summary>
    public void Update(Router router) => Volatile.Write(ref _router, router);

    public override void PostUser(object message, IActorRef? sender)
    {
        // Exact checks of the sealed runtime types, then one class check: no interface scan per message.
        if (message is PoisonPill or Kill or Identify or RouterManagementMessage || IsClosed)
        {
            base.PostUser(message, sender);
            return;
        }
        var router = Volatile.Read(ref _router);
        if (router is null)
        {
            try
            {
                router = Initialize();
            }
            catch (InvalidOperationException)
            {
                // The router is stopping before it ever started: its actor deals with the message.
                base.PostUser(message, sender);
                return;
            }
        }
        router.Route(message, sender);
    }

    private Router Initialize()
    {
        lock (_initializing)
        {
            if (Volatile.Read(ref _router) is { } existing)
            {
                return existing;
            }
            var router = config.CreateRouter(Cell.System).WithOwner(Cell.Self).WithRoutees(config.CreateRoutees(Cell));
            Volatile.Write(ref _router, router);
            return router;
        }
    }
}
