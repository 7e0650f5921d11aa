namespace Agents.Actors;

/// <summary>
/// The kind of mailbox an actor gets, chosen through <see cref="Props.WithMailbox"/> or
/// <see cref="ActorSystemSettings.DefaultMailbox"/>. Blocking the sender of a full mailbox is not
/// offered: a blocked sender is usually an actor, and blocking it would stall its dispatcher thread.
/// </summary>
public sealed record MailboxOptions
{
    private MailboxOptions(int? capacity, MailboxOverflowStrategy overflow)
    {
        Capacity = capacity;
        Overflow = overflow;
    }

    /// <summary>The default: a lock-free queue without a limit.</summary>
    public static MailboxOptions Unbounded { get; } = new(null, MailboxOverflowStrategy.DropNewest);

    /// <summary>The maximum number of queued user messages, or <see langword="null"/> for unbounded.</summary>
    public int? Capacity { get; }

    /// <summary>What happens to a message that arrives while the mailbox is full.</summary>
    public MailboxOverflowStrategy Overflow { get; }

    /// <summary>A mailbox holding at most <paramref name="capacity"/> user messages.</summary>
    /// <param name="capacity">The limit, at least 1.</param>
    /// <param name="overflow">What to do with a message when full; dead letters by default.</param>
    public static MailboxOptions Bounded(int capacity, MailboxOverflowStrategy overflow = MailboxOverflowStrategy.DropNewest)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
                "A bounded mailbox needs a capacity of at least 1; use MailboxOptions.Unbounded for no limit.");
        }
        return new MailboxOptions(capacity, overflow);
    }

    internal Mailbox Create(ActorCell cell, MessageDispatcher dispatcher) =>
        Capacity is { } capacity ? new BoundedMailbox(cell, dispatcher, capacity, Overflow) : new Mailbox(cell, dispatcher);
}
