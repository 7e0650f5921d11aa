using System.Collections.Immutable;

namespace Agents.Actors.Routing;

/// <summary>Sends every message to every routee.</summary>
public sealed class BroadcastRoutingLogic : RoutingLogic
{
    /// <inheritdoc />
    public override Routee Select(object message, ImmutableArray<Routee> routees) =>
        routees.Length == 0 ? NoRoutee.Instance : new SeveralRoutees(routees);
}
