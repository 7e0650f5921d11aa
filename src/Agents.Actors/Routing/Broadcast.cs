namespace Agents.Actors.Routing;

/// <summary>
/// Sent to a router, delivers <see cref="RouterEnvelope.Message"/> to every routee whatever the routing
/// logic. <c>new Broadcast(PoisonPill.Instance)</c> stops every routee after the messages queued before
/// it (and a pool router then stops, having lost all its routees).
/// </summary>
public sealed record Broadcast : RouterEnvelope
{
    /// <summary>Wraps <paramref name="message"/> for every routee.</summary>
    public Broadcast(object message)
        : base(message)
    {
    }
}
