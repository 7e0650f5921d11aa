namespace Agents.Actors.Routing;

/// <summary>
/// The actor behind a router's ref. Ordinary messages never reach it (the <see cref="RoutingMailbox"/>
/// routes them on the sending thread); it handles the management messages, watches the routees, removes
/// those that stop, stops when none is left, and supervises a pool's routees with the pool's strategy.
/// </summary>
internal sealed class RouterActor : ActorBase
{
    private RoutingMailbox Routing => (RoutingMailbox)Cell.Mailbox;

    protected override void PreStart()
    {
        foreach (var routee in Routing.Router.Routees)
        {
            if (routee is ActorRefRoutee actor)
            {
                Context.Watch(actor.Actor);
            }
        }
    }

    // The routees outlive a restart of the router (they are restarted with it, not recreated).
    protected override void PreRestart(Exception reason, object? message)
    {
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        Routing.Config is Pool pool ? pool.SupervisorStrategy : base.SupervisorStrategy();

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case GetRoutees:
                Sender.Tell(new Routees(Routing.Router.Routees), Self);
                return true;
            case AddRoutee add:
                Add(add.Routee);
                return true;
            case RemoveRoutee remove:
                Remove(remove.Routee, stopChild: true);
                StopIfAllRouteesRemoved();
                return true;
            case AdjustPoolSize adjust when Routing.Config is Pool:
                Adjust(adjust.Change);
                return true;
            case Terminated terminated:
                Remove(new ActorRefRoutee(terminated.ActorRef), stopChild: false);
                StopIfAllRouteesRemoved();
                return true;
            case RouterManagementMessage:
                return false;
            default:
                // Only reached when a message was queued rather than routed (the router was stopping
                // before it started): route it now, keeping its sender.
                Routing.Router.Route(message, Cell.CurrentSender);
                return true;
        }
    }

    private void Add(Routee routee)
    {
        if (routee is ActorRefRoutee actor)
        {
            Context.Watch(actor.Actor);
        }
        Routing.Update(Routing.Router.AddRoutee(routee));
    }

    private void Remove(Routee routee, bool stopChild)
    {
        var router = Routing.Router;
        if (!router.Routees.Contains(routee))
        {
            return;
        }
        Routing.Update(router.RemoveRoutee(routee));
        if (routee is not ActorRefRoutee { Actor: var actor })
        {
            return;
        }
        Context.Unwatch(actor);
        if (stopChild && Context.Child(actor.Path.Name) is { } child && child.Equals(actor))
        {
            // A poison pill rather than Stop: the routee first finishes the messages already routed to it.
            child.Tell(PoisonPill.Instance, Self);
        }
    }

    private void Adjust(int change)
    {
        if (change > 0)
        {
            var routeeProps = Context.Props.RouteeProps;
            for (var i = 0; i < change; i++)
            {
                Add(Pool.NewRoutee(Cell, routeeProps));
            }
            return;
        }
        var routees = Routing.Router.Routees;
        var remove = Math.Min(-change, routees.Length);
        for (var i = routees.Length - remove; i < routees.Length; i++)
        {
            Remove(routees[i], stopChild: true);
        }
        StopIfAllRouteesRemoved();
    }

    private void StopIfAllRouteesRemoved()
    {
        if (Routing.Router.Routees.IsEmpty && Routing.Config.StopRouterWhenAllRouteesRemoved)
        {
            RoutingLog.AllRouteesRemoved(Context.System.RuntimeLog, Self.Path);
            Context.Stop(Self);
        }
    }
}
