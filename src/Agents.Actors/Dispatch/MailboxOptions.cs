namespace Agents.Actors;

/// <summary>
/// The kind of mailbox an actor gets, chosen through <see cref="Props.WithMailbox(MailboxOptions)"/> or
/// <see cref="ActorSystemSettings.DefaultMailbox"/>. Blocking the sender of a full mailbox is not
/// offered: a blocked sender is usually an actor, and blocking it would stall its dispatcher thread.
/// </summary>
public sealed record MailboxOptions
{
    private MailboxOptions(int? capacity, MailboxOverflowStrategy overflow, string? configuredName = null)
    {
        Capacity = capacity;
        Overflow = overflow;
        ConfiguredName = configuredName;
    }

    /// <summary>The default: a lock-free queue without a limit.</summary>
    public static MailboxOptions Unbounded { get; } = new(null, MailboxOverflowStrategy.DropNewest);

    /// <summary>The maximum number of queued user messages, or <see langword="null"/> for unbounded.</summary>
    public int? Capacity { get; }

    /// <summary>What happens to a message that arrives while the mailbox is full.</summary>
    public MailboxOverflowStrategy Overflow { get; }

    /// <summary>
    /// The name of the mailbox in <see cref="ActorSystemSettings.NamedMailboxes"/> (HOCON
    /// <c>agents.actor.mailboxes.&lt;name&gt;</c>) that these options stand for, or <see langword="null"/>
    /// when they describe the mailbox themselves. Set only by <see cref="Configured"/>.
    /// </summary>
    public string? ConfiguredName { get; }

    /// <summary>
    /// The mailbox configured under <paramref name="name"/>, looked up in
    /// <see cref="ActorSystemSettings.NamedMailboxes"/> when an actor is created with these options.
    /// Creating the actor fails with an error naming the setting when no mailbox has that name.
    /// </summary>
    /// <param name="name">The name under <c>agents.actor.mailboxes</c>; the full path <c>agents.actor.mailboxes.&lt;name&gt;</c> is accepted too.</param>
    public static MailboxOptions Configured(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new MailboxOptions(null, MailboxOverflowStrategy.DropNewest, name);
    }

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
