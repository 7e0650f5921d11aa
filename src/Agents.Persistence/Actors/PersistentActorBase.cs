using Agents.Actors;
using Agents.Persistence.Journal;
using Agents.Persistence.Snapshots;
using Microsoft.Extensions.Logging;

namespace Agents.Persistence.Actors;

/// <summary>
/// An event-sourced actor (Akka.NET's <c>Eventsourced</c>): its state is the sum of the events it persisted under
/// <see cref="PersistenceId"/>. On start it recovers (latest snapshot, then the events after it, then
/// <see cref="RecoveryCompleted"/>) while commands wait; afterwards each command may persist events, and each
/// event's handler runs once the event is durable, in order, with the command's sender as
/// <see cref="ActorBase.Sender"/>. Derive from <see cref="ReceivePersistentActor"/> to declare typed handlers.
/// </summary>
/// <remarks>
/// <para>The stores come from the actor system's <see cref="PersistenceExtension"/>. Writes of one command go to
/// the journal in one call; the journal batches calls of many actors.</para>
/// <para>Split by concern: persisting in <c>PersistentActorBase.Persist.cs</c>, recovery in
/// <c>PersistentActorBase.Recovery.cs</c>, snapshots and deletion in <c>PersistentActorBase.Snapshots.cs</c>.</para>
/// </remarks>
public abstract partial class PersistentActorBase : ActorBase
{
    private static readonly Action<ILogger, string, long, Exception?> s_persistFailed = LoggerMessage.Define<string, long>(
        LogLevel.Error, new EventId(1, "PersistFailed"),
        "Persist of event {SequenceNr} of '{PersistenceId}' failed; the actor stops and recovers from the journal when started again.");

    private static readonly Action<ILogger, string, long, Exception?> s_persistRejected = LoggerMessage.Define<string, long>(
        LogLevel.Warning, new EventId(2, "PersistRejected"),
        "Event {SequenceNr} of '{PersistenceId}' was rejected by the journal and not stored; its handler does not run and the actor continues.");

    private static readonly Action<ILogger, string, Exception?> s_recoveryFailed = LoggerMessage.Define<string>(
        LogLevel.Error, new EventId(3, "RecoveryFailed"), "Recovery of '{PersistenceId}' failed; the actor stops.");

    private readonly PersistenceExtension _persistence;
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private CancellationTokenSource? _lifetime;
    private SynchronizationContext? _context;
    private string? _persistenceId;
    private bool _recovering = true;
    private bool _recoveryFinished;
    private bool _stopped;
    private List<Receive>? _commandBehaviors;

    /// <summary>Binds the actor to its system's persistence.</summary>
    /// <exception cref="InvalidOperationException">The actor system has no persistence (see <see cref="PersistenceActorSystemExtensions.AddPersistence"/>).</exception>
    protected PersistentActorBase()
    {
        _persistence = PersistenceExtension.Get(Context.System);
    }

    /// <summary>
    /// The id of the entity this actor is; its events are stored under it. Must stay the same for the life of the
    /// actor and name exactly one live actor at a time (a second writer is fenced off and stops).
    /// </summary>
    public abstract string PersistenceId { get; }

    /// <summary>How this actor recovers; override to skip snapshots or replay only part of the events.</summary>
    /// <value>Default <see cref="Actors.Recovery.Default"/>: the latest snapshot, then every later event.</value>
    public virtual Recovery Recovery => Recovery.Default;

    /// <summary>
    /// The sequence number of the last event this actor has seen: the event being replayed during recovery, the event
    /// whose handler is running, or the last stored one. Numbering continues after deleted events.
    /// </summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>The sequence number the snapshot offered at recovery covers, or of the last snapshot saved successfully; 0 when none.</summary>
    public long SnapshotSequenceNr { get; private set; }

    /// <summary>Whether the actor is still recovering (replaying); commands wait until it is done.</summary>
    public bool IsRecovering => _recovering;

    /// <summary>Whether recovery has completed.</summary>
    public bool IsRecoveryFinished => _recoveryFinished;

    /// <summary>The persistence this actor uses (journal, snapshot store, settings).</summary>
    protected PersistenceExtension Persistence => _persistence;

    /// <summary>The journal this actor writes to.</summary>
    protected IJournal Journal => _persistence.Journal;

    /// <summary>The snapshot store this actor saves to.</summary>
    protected ISnapshotStore SnapshotStore => _persistence.SnapshotStore;

    /// <summary>Identifies this incarnation in the events it writes (the journal's writer column).</summary>
    protected string WriterId => _writerId;

    /// <summary>
    /// Handles a recovery message: a <see cref="SnapshotOffer"/>, a replayed event, then <see cref="RecoveryCompleted"/>.
    /// Must only change state; it must not send or persist. An exception here fails the recovery.
    /// </summary>
    /// <returns>Whether the message was handled; an unhandled replayed event is published as unhandled.</returns>
    protected abstract bool ReceiveRecover(object message);

    /// <summary>Handles a command after recovery; persist events to change state.</summary>
    /// <returns>Whether the command was handled.</returns>
    protected abstract bool ReceiveCommand(object message);

    /// <summary>
    /// Called when the journal failed to store an event (storage unreachable, or a second writer of the same
    /// persistence id got there first). The actor stops right after; whether the event was stored is unknown, and a
    /// new incarnation learns it by recovering. By default logs an error.
    /// </summary>
    /// <param name="cause">The journal's exception (a <see cref="SequenceNumberConflictException"/> for a second writer).</param>
    /// <param name="event">The first event of the failed write.</param>
    /// <param name="sequenceNr">Its sequence number.</param>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        s_persistFailed(Log, PersistenceId, sequenceNr, cause);

    /// <summary>
    /// Called when the journal rejected an event (typically it cannot be serialized). The event was not stored, its
    /// handler does not run, and the actor keeps running. By default logs a warning.
    /// </summary>
    /// <param name="cause">The rejection (a <see cref="WriteRejectedException"/>).</param>
    /// <param name="event">The rejected event.</param>
    /// <param name="sequenceNr">Its sequence number, which the next event reuses when no later event was written yet.</param>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        s_persistRejected(Log, PersistenceId, sequenceNr, cause);

    /// <summary>
    /// Called when recovery failed; the actor stops right after. By default logs the <see cref="RecoveryFailedException"/>,
    /// which names the persistence id and the sequence number.
    /// </summary>
    /// <param name="cause">A <see cref="RecoveryFailedException"/> wrapping the original problem.</param>
    /// <param name="event">The event being replayed when it failed, if any.</param>
    protected virtual void OnRecoveryFailure(Exception cause, object? @event) =>
        s_recoveryFailed(Log, PersistenceId, cause);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        if (TryReceiveInternal(message))
        {
            return true;
        }

        if (message is SaveSnapshotSuccess saved && saved.Metadata.SequenceNr > SnapshotSequenceNr)
        {
            SnapshotSequenceNr = saved.Metadata.SequenceNr;
        }

        var handled = _commandBehaviors is { Count: > 0 } behaviors ? behaviors[^1](message) : ReceiveCommand(message);
        AfterCommand();
        return handled;
    }

    /// <summary>
    /// Replaces the command handling (<see cref="ReceiveCommand"/> or the current behaviour) with
    /// <paramref name="receive"/>; recovery handling stays. Use this, not <c>Context.Become</c>, which would bypass
    /// persistence.
    /// </summary>
    protected new void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var behaviors = _commandBehaviors ??= [];
        if (behaviors.Count > 0)
        {
            behaviors[^1] = receive;
        }
        else
        {
            behaviors.Add(receive);
        }
    }

    /// <summary>Pushes <paramref name="receive"/> as the command handling; <see cref="Unbecome"/> returns to the previous one.</summary>
    protected new void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_commandBehaviors ??= []).Add(receive);
    }

    /// <summary>Returns to the previous command handling; with none left, to <see cref="ReceiveCommand"/>.</summary>
    protected new void Unbecome()
    {
        if (_commandBehaviors is { Count: > 0 } behaviors)
        {
            behaviors.RemoveAt(behaviors.Count - 1);
        }
    }

    /// <summary>Lets a base class in this assembly (at-least-once delivery) handle its own messages before the commands.</summary>
    private protected virtual bool TryReceiveInternal(object message) => false;

    /// <summary>Called once recovery succeeded, before <see cref="RecoveryCompleted"/> is handled.</summary>
    private protected virtual void OnRecoverySucceeded()
    {
    }

    /// <summary>
    /// Runs an async command handler as the actor's turn: no other command is processed until it and the handlers of
    /// the events it persisted have run.
    /// </summary>
    private protected void RunCommand<T>(Func<T, Task> handler, T command) => base.RunTask(() => RunCommandAsync(handler, command));

    /// <summary>
    /// Runs async work as part of the current command's turn (see <see cref="ActorBase.RunTask"/>): no other command
    /// is processed until it completes; events it persisted are written when it completes (sooner with
    /// <see cref="PersistAndWaitAsync{TEvent}"/>), and the turn ends only after their handlers ran.
    /// </summary>
    protected new void RunTask(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        base.RunTask(() => RunCommandAsync(static body => body(), action));
    }

    private async Task RunCommandAsync<T>(Func<T, Task> handler, T command)
    {
        var outer = _inAsyncTurn;
        _inAsyncTurn = true;
        try
        {
            await handler(command);
            FlushBatch();
            await WhenStashingHandlersRan();
        }
        finally
        {
            _inAsyncTurn = outer;
        }
    }

    internal override void AroundPreStart()
    {
        base.AroundPreStart();
        BeginRecovery();
    }

    internal override void AroundPostRestart(Exception reason)
    {
        base.AroundPostRestart(reason);
        BeginRecovery();
    }

    internal override void AroundPreRestart(Exception reason, object? message)
    {
        EndIncarnation();
        base.AroundPreRestart(reason, message);
    }

    internal override void AroundPostStop()
    {
        EndIncarnation();
        base.AroundPostStop();
    }

    private void EndIncarnation()
    {
        _stopped = true;
        ReleaseCommands();
        if (_lifetime is { } lifetime)
        {
            lifetime.Cancel();
            lifetime.Dispose();
            _lifetime = null;
        }
    }

    private void StopAfterFailure()
    {
        _stopped = true;
        Context.Stop(Self);
    }
}
