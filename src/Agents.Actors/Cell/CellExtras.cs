using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>
/// The state most actors never need: children, death watch, behaviour stack, timers, stash, receive
/// timeout, async turn, logger, failure bookkeeping. Allocated on first use so an idle actor does not
/// carry it. Touched only on the actor's own turn, except <see cref="Children"/> which has its own lock.
/// </summary>
internal sealed class CellExtras
{
    public ChildrenContainer? Children;

    // Behaviour stack; the top is cached in Behavior. Empty means the actor's own Receive.
    public List<Receive>? Behaviors;
    public Receive? Behavior;

    // The behaviour a ReceiveActor is declaring inside Become(() => ...).
    public ReceiveHandlerSet? DeclaringBehavior;

    // Death watch: what this actor watches (with the WatchWith message, if any), who watches it, and
    // the subjects whose termination notice is queued in the mailbox.
    public Dictionary<IActorRef, object?>? Watching;
    public HashSet<IActorRef>? WatchedBy;
    public HashSet<IActorRef>? TerminatedQueued;
    public bool DeliveringWatchTermination;

    public ActorTimers? Timers;
    public ActorStash? Stash;
    public ILogger? Log;
    public SupervisorStrategy? Strategy;

    public TimeSpan? ReceiveTimeout;
    public long LastActivity;
    public int ReceiveTimeoutGeneration;
    public ICancelable? ReceiveTimeoutCheck;

    public ActorSynchronizationContext? SyncContext;
    public Task? PendingTask;
    public AsyncTurn? PendingTurn;

    public object? FailedMessage;
    public IActorRef? Perpetrator;
}
