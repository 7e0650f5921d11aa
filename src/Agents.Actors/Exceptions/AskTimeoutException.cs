namespace Agents.Actors;

/// <summary>No reply arrived within an <c>Ask</c>'s timeout.</summary>
public sealed class AskTimeoutException(string message) : TimeoutException(message);
