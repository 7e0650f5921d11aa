namespace Agents.Actors;

/// <summary>A bounded mailbox with <see cref="MailboxOverflowStrategy.FailSender"/> rejected a message.</summary>
public sealed class MailboxFullException(string message) : InvalidOperationException(message);
