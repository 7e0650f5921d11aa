namespace Agents.Actors.Routing;

/// <summary>
/// A destination a <see cref="Router"/> sends to: an actor (<see cref="ActorRefRoutee"/>), the actors a
/// path selects (<see cref="ActorSelectionRoutee"/>), several routees at once (<see cref="SeveralRoutees"/>)
/// or none (<see cref="NoRoutee"/>). Routees compare by the destination they name, so a
/// <see cref="RemoveRoutee"/> built from the same ref finds the routee.
/// </summary>
public abstract class Routee
{
    /// <summary>
    /// Sends <paramref name="message"/> with <paramref name="sender"/> as its sender, so the routee's
    /// replies go to whoever sent the message to the router. Callable from any thread.
    /// </summary>
    public abstract void Send(object message, IActorRef? sender);
}
