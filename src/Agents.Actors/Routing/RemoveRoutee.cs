namespace Agents.Actors.Routing;

/// <summary>
/// Removes <paramref name="Routee"/> from a router and stops watching it. A routee that is a child of the
/// router (a pool routee) is sent a <see cref="PoisonPill"/>, so it finishes what it has queued; other
/// actors keep running. A router left without routees stops.
/// </summary>
/// <param name="Routee">The routee, for example <c>new ActorRefRoutee(worker)</c>.</param>
public sealed record RemoveRoutee(Routee Routee) : RouterManagementMessage
{
    /// <summary>The routee.</summary>
    public Routee Routee { get; } = Routee ?? throw new ArgumentNullException(nameof(Routee));
}
