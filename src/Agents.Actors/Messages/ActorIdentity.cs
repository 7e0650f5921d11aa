namespace Agents.Actors;

/// <summary>The reply to <see cref="Identify"/>.</summary>
/// <param name="MessageId">The id from the <see cref="Identify"/>.</param>
/// <param name="Subject">The actor's ref, or <see langword="null"/> when no live actor was found.</param>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
