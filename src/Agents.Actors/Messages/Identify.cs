namespace Agents.Actors;

/// <summary>
/// Asks any actor for its ref: every actor answers with <see cref="ActorIdentity"/> without its
/// behaviour being involved; a dead or missing actor answers with an empty identity.
/// </summary>
/// <param name="MessageId">Echoed in the reply, to correlate it.</param>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;
