namespace Agents.Actors.Routing;

/// <summary>
/// Adds <paramref name="Routee"/> to a router (pool or group). An actor routee is watched and removed
/// when it stops. Adding a routee the router already has changes nothing.
/// </summary>
/// <param name="Routee">The routee, for example <c>new ActorRefRoutee(worker)</c>.</param>
public sealed record AddRoutee(Routee Routee) : RouterManagementMessage
{
    /// <summary>The routee.</summary>
    public Routee Routee { get; } = Routee ?? throw new ArgumentNullException(nameof(Routee));
}
