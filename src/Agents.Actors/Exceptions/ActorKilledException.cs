namespace Agents.Actors;

/// <summary>Raised in an actor by <see cref="Kill"/>; the default strategy stops the actor.</summary>
public sealed class ActorKilledException(string message) : Exception(message);
