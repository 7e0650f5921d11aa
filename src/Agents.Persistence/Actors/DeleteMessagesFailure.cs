namespace Agents.Persistence.Actors;

/// <summary>Sent to a persistent actor when its events could not be deleted; nothing changed.</summary>
/// <param name="Cause">Why (storage, or a sequence number above the last one).</param>
/// <param name="ToSequenceNr">The requested last event.</param>
public sealed record DeleteMessagesFailure(Exception Cause, long ToSequenceNr);
