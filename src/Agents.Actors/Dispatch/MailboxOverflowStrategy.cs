namespace Agents.Actors;

/// <summary>What a bounded mailbox does with a message that arrives while it is full.</summary>
public enum MailboxOverflowStrategy
{
    /// <summary>The new message goes to dead letters (published, logged and counted); the sender is not told.</summary>
    DropNewest,

    /// <summary><c>Tell</c> throws <see cref="MailboxFullException"/> in the sender.</summary>
    FailSender,
}
