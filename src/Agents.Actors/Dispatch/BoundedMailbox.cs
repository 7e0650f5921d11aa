namespace Agents.Actors;

/// <summary>
/// A mailbox that holds at most <see cref="Capacity"/> user messages. The count is read from the
/// queue indices without a shared counter, so concurrent producers can overshoot the capacity by at
/// most their number; a single producer never does.
/// </summary>
internal sealed class BoundedMailbox(ActorCell cell, MessageDispatcher dispatcher, int capacity, MailboxOverflowStrategy overflow)
    : Mailbox(cell, dispatcher)
{
    public int Capacity { get; } = capacity;

    public override void PostUser(object message, IActorRef? sender)
    {
        if (Count >= Capacity && !IsClosed)
        {
            if (overflow == MailboxOverflowStrategy.FailSender)
            {
                throw new MailboxFullException(
                    $"The mailbox of {Cell.Self.Path} is full ({Capacity} messages) and rejected a {message.GetType().Name}. " +
                    "Slow down the sender, raise the capacity in MailboxOptions.Bounded, or use MailboxOverflowStrategy.DropNewest.");
            }
            Cell.System.DeadLetterOf(message, sender, Cell.Self);
            return;
        }
        base.PostUser(message, sender);
    }
}
