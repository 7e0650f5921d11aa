namespace Agents.Actors.Routing;

/// <summary>
/// What a <see cref="RoutingLogic"/> selects when no routee fits (the router has none, or a
/// consistent-hashing router found no key). <see cref="Router.Route"/> turns the message into a dead
/// letter instead of sending it; <see cref="Send"/> itself drops it.
/// </summary>
public sealed class NoRoutee : Routee
{
    private NoRoutee()
    {
    }

    /// <summary>The one instance.</summary>
    public static NoRoutee Instance { get; } = new();

    /// <summary>Drops the message; <see cref="Router.Route"/> never calls this, it publishes a dead letter instead.</summary>
    public override void Send(object message, IActorRef? sender)
    {
    }

    /// <inheritdoc />
    public override string ToString() => "NoRoutee";
}
