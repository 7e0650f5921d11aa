namespace Agents.Actors.Routing;

/// <summary>Asks a router for its current routees; it replies with <see cref="Routees"/>.</summary>
public sealed record GetRoutees : RouterManagementMessage
{
    private GetRoutees()
    {
    }

    /// <summary>The one instance.</summary>
    public static GetRoutees Instance { get; } = new();
}
