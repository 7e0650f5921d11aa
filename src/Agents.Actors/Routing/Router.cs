using System.Collections.Immutable;

namespace Agents.Actors.Routing;

/// <summary>
/// A routing logic with its routees: <see cref="Route"/> sends a message to the routee the logic picks,
/// keeping the sender. Immutable (the With/Add/Remove methods return a new router), so it can be shared
/// by many sending threads. Routers made by a <see cref="RouterConfig"/> live behind an actor ref; an
/// actor can also hold one itself to route to its own workers.
/// </summary>
public sealed class Router
{
    private readonly IActorRef? _owner;

    /// <summary>Creates a router.</summary>
    /// <param name="logic">How each message's routee is chosen.</param>
    /// <param name="routees">The routees, in routing order.</param>
    public Router(RoutingLogic logic, params IEnumerable<Routee> routees)
        : this(logic, ToArray(routees), null)
    {
    }

    private Router(RoutingLogic logic, ImmutableArray<Routee> routees, IActorRef? owner)
    {
        ArgumentNullException.ThrowIfNull(logic);
        Logic = logic;
        Routees = routees;
        _owner = owner;
    }

    /// <summary>How each message's routee is chosen.</summary>
    public RoutingLogic Logic { get; }

    /// <summary>The routees, in routing order.</summary>
    public ImmutableArray<Routee> Routees { get; }

    /// <summary>
    /// Sends <paramref name="message"/> to the routee the logic picks, with <paramref name="sender"/> as
    /// sender. A <see cref="Broadcast"/> goes to every routee; a <see cref="RouterEnvelope"/> is unwrapped
    /// so the routee receives the inner message. Without a routee the message becomes a dead letter of
    /// the router's system (for a router held by an actor: of the sender's or the current actor's system).
    /// </summary>
    public void Route(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message;
        if (message is RouterEnvelope envelope)
        {
            payload = envelope.Message;
            if (envelope is Broadcast)
            {
                if (Routees.Length == 0)
                {
                    DeadLetter(payload, sender);
                    return;
                }
                foreach (var routee in Routees)
                {
                    routee.Send(payload, sender);
                }
                return;
            }
        }
        var selected = Logic.Select(message, Routees);
        if (selected is NoRoutee)
        {
            NoRouteeFor(message, payload, sender);
            return;
        }
        selected.Send(payload, sender);
    }

    /// <summary>Returns a router with the same logic and <paramref name="routees"/>.</summary>
    public Router WithRoutees(params IEnumerable<Routee> routees) => new(Logic, ToArray(routees), _owner);

    /// <summary>Returns a router with <paramref name="routee"/> added at the end, unless it is already there.</summary>
    public Router AddRoutee(Routee routee)
    {
        ArgumentNullException.ThrowIfNull(routee);
        return Routees.Contains(routee) ? this : new Router(Logic, Routees.Add(routee), _owner);
    }

    /// <summary>Returns a router with an <see cref="ActorRefRoutee"/> for <paramref name="actor"/> added.</summary>
    public Router AddRoutee(IActorRef actor) => AddRoutee(new ActorRefRoutee(actor));

    /// <summary>Returns a router without <paramref name="routee"/>.</summary>
    public Router RemoveRoutee(Routee routee)
    {
        ArgumentNullException.ThrowIfNull(routee);
        var index = Routees.IndexOf(routee);
        return index < 0 ? this : new Router(Logic, Routees.RemoveAt(index), _owner);
    }

    /// <summary>Returns a router without the routee for <paramref name="actor"/>.</summary>
    public Router RemoveRoutee(IActorRef actor) => RemoveRoutee(new ActorRefRoutee(actor));

    /// <summary>The same router, naming <paramref name="owner"/> (the router actor) as the recipient of its dead letters.</summary>
    internal Router WithOwner(IActorRef owner) => new(Logic, Routees, owner);

    /// <inheritdoc />
    public override string ToString() => $"Router({Logic.GetType().Name}, {Routees.Length} routees)";

    private void NoRouteeFor(object message, object payload, IActorRef? sender)
    {
        if (Routees.Length > 0 && Logic.TryClaimNoRouteeWarning() && SystemOf(sender) is { } system)
        {
            RoutingLog.NoRouteeSelected(system.RuntimeLog, Logic.GetType().Name, message.GetType().FullName ?? message.GetType().Name, _owner?.Path.ToString() ?? "a router");
        }
        DeadLetter(payload, sender);
    }

    private void DeadLetter(object payload, IActorRef? sender)
    {
        if (SystemOf(sender) is { } system)
        {
            system.DeadLetterOf(payload, sender, _owner ?? system.DeadLetters);
        }
    }

    private ActorSystem? SystemOf(IActorRef? sender) =>
        (_owner as IInternalActorRef)?.System ?? (sender as IInternalActorRef)?.System ?? ActorCell.Current?.System;

    private static ImmutableArray<Routee> ToArray(IEnumerable<Routee> routees)
    {
        ArgumentNullException.ThrowIfNull(routees);
        var array = routees.ToImmutableArray();
        foreach (var routee in array)
        {
            if (routee is null)
            {
                throw new ArgumentException("A router's routees must not be null; remove the null entry.", nameof(routees));
            }
        }
        return array;
    }
}
