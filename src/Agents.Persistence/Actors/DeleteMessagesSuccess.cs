namespace Agents.Persistence.Actors;

/// <summary>
/// Sent to a persistent actor when its events up to <paramref name="ToSequenceNr"/> are deleted. Numbering goes on
/// after the highest event ever stored.
/// </summary>
/// <param name="ToSequenceNr">The last deleted event (inclusive).</param>
public sealed record DeleteMessagesSuccess(long ToSequenceNr);
