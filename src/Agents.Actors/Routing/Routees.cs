namespace Agents.Actors.Routing;

/// <summary>A router's reply to <see cref="GetRoutees"/>.</summary>
/// <param name="Members">The routees, in routing order.</param>
public sealed record Routees(IReadOnlyList<Routee> Members);
