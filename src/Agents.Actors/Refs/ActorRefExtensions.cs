namespace Agents.Actors;

/// <summary>Sending with an implicit sender.</summary>
public static class ActorRefExtensions
{
    // Lets code outside actors (a test, a host service) set the sender its Tell calls carry; the
    // TestKit sets its test actor here. A value per async flow, not shared state.
    private static readonly AsyncLocal<IActorRef?> s_ambientSender = new();

    /// <summary>
    /// Sends with the current actor as sender when called inside an actor; outside, with the ambient
    /// sender of the current async flow (see <see cref="UseImplicitSender"/>), or no sender.
    /// </summary>
    public static void Tell(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Self ?? s_ambientSender.Value);
    }

    /// <summary>Sends <paramref name="message"/> keeping the sender of the message being processed. Only inside an actor.</summary>
    /// <exception cref="InvalidOperationException">Called outside an actor.</exception>
    public static void Forward(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var cell = ActorCell.Current ?? throw new InvalidOperationException(
            "Forward keeps the sender of the message being processed, so it can only be called inside an actor; use Tell(message, sender) elsewhere.");
        receiver.Tell(message, cell.CurrentSender);
    }

    /// <summary>
    /// Makes <paramref name="sender"/> the sender of <see cref="Tell(IActorRef, object)"/> calls made
    /// outside actors in the current async flow and the flows it starts.
    /// </summary>
    public static void UseImplicitSender(IActorRef? sender) => s_ambientSender.Value = sender;
}
