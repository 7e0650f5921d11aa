using System.Collections.Immutable;

namespace Agents.Actors.Routing;

/// <summary>
/// Chooses the routee of each message. A router calls <see cref="Select"/> on the sending thread, so an
/// implementation is called concurrently from many threads and must be thread-safe and cheap.
/// </summary>
public abstract class RoutingLogic
{
    // Set once the router has warned that this logic selected no routee, so a stream of such messages
    // logs one warning (each message still becomes a counted dead letter).
    private int _noRouteeWarned;

    /// <summary>
    /// Picks the routee for <paramref name="message"/> among <paramref name="routees"/>; returns
    /// <see cref="NoRoutee.Instance"/> when there is none (the message then becomes a dead letter).
    /// </summary>
    /// <param name="message">The message as sent to the router (still wrapped when it is a <see cref="RouterEnvelope"/>).</param>
    /// <param name="routees">The router's current routees; never default.</param>
    public abstract Routee Select(object message, ImmutableArray<Routee> routees);

    internal bool TryClaimNoRouteeWarning() => Interlocked.Exchange(ref _noRouteeWarned, 1) == 0;
}
