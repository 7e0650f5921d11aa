namespace Agents.Actors;

/// <summary>An <see cref="ActorSelection"/> matched no live actor.</summary>
public sealed class ActorNotFoundException(string message) : Exception(message);
