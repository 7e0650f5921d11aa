using Agents.Actors;

namespace Agents.Persistence.Actors;

/// <summary>
/// One handler waiting for its event: persisted (waiting for the journal) or deferred (waiting only for the
/// handlers before it). Handlers run strictly in the order they were registered.
/// </summary>
internal sealed class PendingInvocation(
    object @event, EventHandlerCall handler, IActorRef? sender, bool stashing, TaskCompletionSource? completion)
{
    public object Event { get; } = @event;

    public EventHandlerCall Handler { get; } = handler;

    /// <summary>The sender of the command that registered the handler; the handler sees it as its sender.</summary>
    public IActorRef? Sender { get; } = sender;

    /// <summary>Whether commands wait while this handler is pending (<c>Persist</c>, not <c>PersistAsync</c>).</summary>
    public bool Stashing { get; } = stashing;

    /// <summary>Completed when the handler ran (the awaitable form); faulted when the event was rejected.</summary>
    public TaskCompletionSource? Completion { get; } = completion;

    /// <summary>The event's sequence number; 0 for a deferred handler.</summary>
    public long SequenceNr { get; init; }

    public InvocationState State { get; set; }

    public Exception? Rejection { get; set; }
}

/// <summary>Where a <see cref="PendingInvocation"/> stands.</summary>
internal enum InvocationState
{
    /// <summary>Its event is being written.</summary>
    Writing,

    /// <summary>Its event is durable: the handler may run.</summary>
    Stored,

    /// <summary>Its event was rejected: the handler never runs.</summary>
    Rejected,

    /// <summary>Nothing to write: the handler runs once the handlers before it ran.</summary>
    Deferred,
}
