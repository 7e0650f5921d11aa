namespace Agents.Actors;

/// <summary>An actor name is empty, malformed or already used by a sibling.</summary>
public sealed class InvalidActorNameException(string message) : ArgumentException(message);
