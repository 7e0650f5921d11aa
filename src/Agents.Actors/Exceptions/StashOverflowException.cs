namespace Agents.Actors;

/// <summary>An actor stashed more messages than <see cref="ActorSystemSettings.StashCapacity"/> allows.</summary>
public sealed class StashOverflowException(string message) : Exception(message);
