using Agents.Actors;

namespace Agents.Persistence.Actors;

public abstract partial class PersistentActorBase
{
    private readonly Queue<PendingInvocation> _pending = new();
    private List<PendingWrite>? _batch;
    private long _sequenceNr;
    private int _pendingStashing;
    private TaskCompletionSource? _stashingHandlersRan;
    private bool _commandsHeld;
    private bool _inAsyncTurn;

    /// <summary>
    /// Persists <paramref name="event"/> and runs <paramref name="handler"/> once it is durable. Until the handler
    /// ran, no other command is processed (they wait in the mailbox, in order); handlers of several calls run in
    /// call order; inside the handler <see cref="ActorBase.Sender"/> is the sender of the command that persisted.
    /// The events of one command are written in one journal call when the command handler returns.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called during recovery.</exception>
    protected void Persist<TEvent>(TEvent @event, Action<TEvent> handler) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        Enqueue([@event], EventHandlerCall.Of(handler), stashing: true, completion: null);
    }

    /// <summary>
    /// Persists <paramref name="events"/> in one atomic write (all or none is stored) and runs
    /// <paramref name="handler"/> for each, in order, once they are durable; commands wait as with
    /// <see cref="Persist{TEvent}"/>. Nothing happens for an empty list.
    /// </summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        Enqueue([.. events.Cast<object>()], EventHandlerCall.Of(handler), stashing: true, completion: null);
    }

    /// <summary>
    /// Persists <paramref name="event"/> like <see cref="Persist{TEvent}"/>, but commands keep being processed
    /// while it is written; the handler still runs after every handler registered before it, with the persisting
    /// command's sender. Higher throughput for actors whose commands do not depend on the new state.
    /// </summary>
    protected void PersistAsync<TEvent>(TEvent @event, Action<TEvent> handler) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        Enqueue([@event], EventHandlerCall.Of(handler), stashing: false, completion: null);
    }

    /// <summary>Persists <paramref name="events"/> atomically like <see cref="PersistAll{TEvent}"/>, without holding commands back.</summary>
    protected void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        Enqueue([.. events.Cast<object>()], EventHandlerCall.Of(handler), stashing: false, completion: null);
    }

    /// <summary>
    /// Runs <paramref name="handler"/> with <paramref name="event"/> after the handlers of every event persisted
    /// before it, without writing anything; at once when none is pending. Commands are not held back.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called during recovery.</exception>
    protected void DeferAsync<TEvent>(TEvent @event, Action<TEvent> handler) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfRecovering(nameof(DeferAsync));
        if (_pending.Count == 0 && _batch is not { Count: > 0 })
        {
            handler(@event);
            return;
        }

        _pending.Enqueue(new PendingInvocation(@event, EventHandlerCall.Of(handler), Sender, stashing: false, completion: null)
        {
            State = InvocationState.Deferred,
        });
    }

    /// <summary>
    /// Persists <paramref name="event"/> at once and completes when it is durable, for async command handlers
    /// (<c>CommandAsync</c>): <c>await PersistAndWaitAsync(e); Apply(e); Sender.Tell(reply);</c>. The command's turn
    /// holds other commands back while it waits. The task completes after the handlers of earlier events ran.
    /// </summary>
    /// <returns>A task that completes once the event is stored.</returns>
    /// <exception cref="Journal.WriteRejectedException">The task fails with it when the event was rejected
    /// (after <see cref="OnPersistRejected"/>); nothing was stored. Catch it to keep the command's turn going.</exception>
    protected Task PersistAndWaitAsync<TEvent>(TEvent @event) where TEvent : notnull => PersistAllAndWaitAsync([@event]);

    /// <summary>Persists <paramref name="events"/> in one atomic write at once and completes when they are durable; see <see cref="PersistAndWaitAsync{TEvent}"/>.</summary>
    protected Task PersistAllAndWaitAsync<TEvent>(IEnumerable<TEvent> events) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.Cast<object>().ToArray();
        if (list.Length == 0)
        {
            return Task.CompletedTask;
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(list, handler: default, stashing: false, completion);
        FlushBatch();
        return completion.Task;
    }

    private void Enqueue(object[] events, EventHandlerCall handler, bool stashing, TaskCompletionSource? completion)
    {
        ThrowIfRecovering(stashing ? "Persist" : "PersistAsync");
        if (events.Length == 0)
        {
            return;
        }

        var sender = Sender;
        var representations = new PersistentRepresentation[events.Length];
        var invocations = new PendingInvocation[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var sequenceNr = ++_sequenceNr;
            representations[i] = new PersistentRepresentation(PersistenceIdOrThrow(), sequenceNr, events[i]) { WriterId = _writerId };
            invocations[i] = new PendingInvocation(
                events[i], handler, sender, stashing, i == events.Length - 1 ? completion : null)
            {
                SequenceNr = sequenceNr,
            };
            _pending.Enqueue(invocations[i]);
            if (stashing)
            {
                _pendingStashing++;
            }
        }

        (_batch ??= []).Add(new PendingWrite(new AtomicWrite(representations), invocations));
    }

    private void ThrowIfRecovering(string operation)
    {
        if (_recovering)
        {
            throw new InvalidOperationException(
                $"{operation} was called by '{_persistenceId ?? GetType().Name}' while it recovers. Recovery handlers " +
                "only rebuild state from stored events; persist from command handlers or from the RecoveryCompleted handler.");
        }
    }

    /// <summary>After a command handler returned: write its events, and hold commands back while stashing handlers wait.</summary>
    private void AfterCommand()
    {
        FlushBatch();
        HoldCommandsWhileStashing();
    }

    private void HoldCommandsWhileStashing()
    {
        if (_pendingStashing == 0 || _inAsyncTurn || _commandsHeld || _stopped)
        {
            return;
        }

        // Every user message stays in the mailbox, in order, until the stashing handlers ran; the write outcomes
        // arrive as system messages, which pass the hold.
        _commandsHeld = true;
        Cell.Mailbox.Block(Mailbox.PersistPending);
    }

    private void ReleaseCommands()
    {
        if (_commandsHeld)
        {
            _commandsHeld = false;
            Cell.Mailbox.Unblock(Mailbox.PersistPending);
        }
    }

    /// <summary>Completes once no stashing handler is pending, including those that handlers persist in turn.</summary>
    private async Task WhenStashingHandlersRan()
    {
        while (_pendingStashing > 0 && !_stopped)
        {
            await (_stashingHandlersRan ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    private void FlushBatch()
    {
        if (_batch is not { Count: > 0 } batch || _stopped)
        {
            return;
        }

        var writes = batch.ToArray();
        batch.Clear();
        var atomicWrites = new AtomicWrite[writes.Length];
        for (var i = 0; i < writes.Length; i++)
        {
            atomicWrites[i] = writes[i].Write;
        }

        Task<IReadOnlyList<Exception?>> task;
        try
        {
            task = Journal.WriteMessagesAsync(atomicWrites, CancellationToken.None);
        }
        catch (Exception e)
        {
            task = Task.FromException<IReadOnlyList<Exception?>>(e);
        }

        new WriteCompletion(this, writes, task, _context!, _persistence.WritesInFlight, _persistenceId!).Start();
    }

    /// <summary>The journal answered a call of this incarnation; runs on the actor's turn.</summary>
    internal void OnWriteCompleted(PendingWrite[] writes, Task<IReadOnlyList<Exception?>> task)
    {
        if (_stopped)
        {
            return;
        }

        if (!task.IsCompletedSuccessfully || task.Result.Count != writes.Length)
        {
            var cause = task.IsCompletedSuccessfully
                ? new InvalidOperationException(
                    $"The journal answered a call of {writes.Length} writes with {task.Result.Count} results; a journal must answer each write.")
                : task.Exception?.InnerException ?? new OperationCanceledException("The journal cancelled the write.");
            var first = writes[0].Write.Events[0];
            try
            {
                OnPersistFailure(cause, first.Payload, first.SequenceNr);
            }
            finally
            {
                StopAfterFailure();
            }

            return;
        }

        var results = task.Result;
        for (var i = 0; i < writes.Length; i++)
        {
            var write = writes[i];
            if (results[i] is { } rejection)
            {
                foreach (var invocation in write.Invocations)
                {
                    invocation.State = InvocationState.Rejected;
                    invocation.Rejection = rejection;
                }

                // Keep numbering gapless when nothing was numbered after the rejected write.
                if (_sequenceNr == write.Write.HighestSequenceNr)
                {
                    _sequenceNr = write.Write.LowestSequenceNr - 1;
                }
            }
            else
            {
                foreach (var invocation in write.Invocations)
                {
                    invocation.State = InvocationState.Stored;
                }
            }
        }

        RunReadyHandlers();
    }

    /// <summary>Runs, in order, every handler at the head of the queue whose event is settled.</summary>
    private void RunReadyHandlers()
    {
        while (!_stopped && _pending.TryPeek(out var head) && head.State != InvocationState.Writing)
        {
            _pending.Dequeue();
            if (head.Stashing)
            {
                _pendingStashing--;
            }

            if (head.State == InvocationState.Rejected)
            {
                try
                {
                    OnPersistRejected(head.Rejection!, head.Event, head.SequenceNr);
                }
                finally
                {
                    head.Completion?.TrySetException(head.Rejection!);
                }

                continue;
            }

            if (head.State == InvocationState.Stored)
            {
                LastSequenceNr = head.SequenceNr;
            }

            var previous = Cell.ExchangeSender(head.Sender);
            try
            {
                head.Handler.Invoke(head.Event);
            }
            finally
            {
                Cell.ExchangeSender(previous);
            }

            head.Completion?.TrySetResult();
            FlushBatch();
        }

        if (_pendingStashing > 0)
        {
            HoldCommandsWhileStashing();
            return;
        }

        ReleaseCommands();
        if (_stashingHandlersRan is { } ran)
        {
            _stashingHandlersRan = null;
            ran.TrySetResult();
        }
    }
}
