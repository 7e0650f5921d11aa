using System.Collections.Immutable;

namespace Agents.Actors.Routing;

/// <summary>Sends each message to a routee chosen uniformly at random (<see cref="Random.Shared"/>, which is thread-safe).</summary>
public sealed class RandomRoutingLogic : RoutingLogic
{
    /// <inheritdoc />
    public override Routee Select(object message, ImmutableArray<Routee> routees) =>
        routees.Length == 0 ? NoRoutee.Instance : routees[Random.Shared.Next(routees.Length)];
}
