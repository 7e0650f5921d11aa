namespace Agents.Actors;

/// <summary>
/// An actor's queue and its scheduling on a dispatcher. Producers enqueue and flip the status from
/// idle to scheduled with one compare-and-swap; the winner hands the mailbox to the dispatcher
/// (the thread pool by default), which calls <see cref="Run"/>. A run processes every system
/// message first, then up to <see cref="MessageDispatcher.Throughput"/> user messages, checking for
/// new system messages after each one.
/// </summary>
/// <remarks>
/// Everything below "consumer state" is touched only by the thread running the mailbox, which is at
/// most one thread at a time; the status CAS is what makes that so.
/// </remarks>
internal class Mailbox : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;
    private const int Closed = 2;
    private const int Draining = 3;

    /// <summary>The actor instance does not exist yet; the first run creates it.</summary>
    internal const int NotCreated = 1;

    /// <summary>The actor failed and waits for its supervisor's decision.</summary>
    internal const int FailedState = 2;

    /// <summary>An async handler is running; the next message waits for it.</summary>
    internal const int Awaiting = 4;

    /// <summary>The actor is stopping (waiting for its children) or stopped.</summary>
    internal const int Terminating = 8;

    /// <summary>A persistent actor holds commands until the handlers of the events it persisted have run.</summary>
    internal const int PersistPending = 16;

    /// <summary>One level of suspension requested by <see cref="Suspend"/> or by a failure.</summary>
    internal const int SuspendUnit = 1 << 8;

    private readonly MessageDispatcher _dispatcher;
    private int _status;
    private SystemMessage? _systemMessages;
    private UserMessageQueue _queue;

    // Consumer state.
    private int _blocked = NotCreated;
    private EnvelopeStack? _front;
    private bool _terminated;

    public Mailbox(ActorCell cell, MessageDispatcher dispatcher)
    {
        Cell = cell;
        _dispatcher = dispatcher;
    }

    public ActorCell Cell { get; }

    public MessageDispatcher Dispatcher => _dispatcher;

    /// <summary>An estimate of the user messages waiting, readable from any thread (for routing and metrics).</summary>
    public int Count => _queue.Count + (_front?.Count ?? 0);

    /// <summary>Whether the actor has stopped and its mailbox no longer runs messages.</summary>
    public bool IsClosed => Volatile.Read(ref _status) >= Closed;

    /// <summary>Whether the consumer may take user messages right now. Consumer only.</summary>
    public bool CanProcessUserMessages => _blocked == 0;

    public bool IsBlockedBy(int reason) => (_blocked & reason) != 0;

    public bool IsSuspended => _blocked >= SuspendUnit;

    public void Block(int reason) => _blocked |= reason;

    public void Unblock(int reason) => _blocked &= ~reason;

    public void SuspendOnce() => _blocked += SuspendUnit;

    public void ResumeOnce()
    {
        if (_blocked >= SuspendUnit)
        {
            _blocked -= SuspendUnit;
        }
    }

    /// <summary>Marks the actor as stopped: the end of the current run closes the mailbox. Consumer only.</summary>
    public void MarkTerminated()
    {
        _terminated = true;
        _blocked |= Terminating;
    }

    /// <summary>Enqueues a user message and schedules the mailbox. Any thread.</summary>
    public virtual void PostUser(object message, IActorRef? sender)
    {
        _queue.Enqueue(message, sender);
        Schedule();
    }

    /// <summary>Enqueues a message of the runtime's own (a termination notice) past any capacity limit.</summary>
    public void PostInternal(object message, IActorRef? sender)
    {
        _queue.Enqueue(message, sender);
        Schedule();
    }

    /// <summary>Enqueues a system message and schedules the mailbox. Any thread.</summary>
    public void PostSystem(SystemMessage message)
    {
        var head = Volatile.Read(ref _systemMessages);
        while (true)
        {
            message.Next = head;
            var seen = Interlocked.CompareExchange(ref _systemMessages, message, head);
            if (ReferenceEquals(seen, head))
            {
                break;
            }
            head = seen;
        }
        Schedule();
    }

    /// <summary>Puts messages back in front of the queue, keeping their order. Consumer only.</summary>
    public void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0)
        {
            return;
        }
        (_front ??= new EnvelopeStack()).PushFront(envelopes);
    }

    /// <summary>Hands the mailbox to its dispatcher unless it is already scheduled or running.</summary>
    public void Schedule()
    {
        var status = Volatile.Read(ref _status);
        if (status == Idle)
        {
            if (Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
            {
                HandToDispatcher();
                return;
            }
            status = Volatile.Read(ref _status);
        }
        if (status >= Closed)
        {
            DrainClosed();
        }
    }

    void IThreadPoolWorkItem.Execute() => Run();

    /// <summary>Processes system messages and up to one throughput's worth of user messages.</summary>
    public void Run()
    {
        var cell = Cell;
        var previous = ActorCell.Current;
        ActorCell.Current = cell;
        var processed = 0;
        try
        {
            if ((_blocked & NotCreated) != 0)
            {
                _blocked &= ~NotCreated;
                cell.Create();
            }
            if (Volatile.Read(ref _systemMessages) is not null)
            {
                ProcessSystemMessages();
            }
            if (_blocked == 0)
            {
                var metrics = cell.System.Metrics;
                if (metrics.RecordsMailboxDepth)
                {
                    metrics.RecordMailboxDepth(Count);
                }
                var throughput = _dispatcher.Throughput;
                while (TryDequeue(out var message, out var sender))
                {
                    cell.Invoke(message, sender);
                    processed++;
                    if (Volatile.Read(ref _systemMessages) is not null)
                    {
                        ProcessSystemMessages();
                    }
                    if (_blocked != 0 || processed >= throughput)
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception e)
        {
            cell.HandleRuntimeFault(e);
        }
        finally
        {
            ActorCell.Current = previous;
        }
        if (processed != 0)
        {
            cell.System.Metrics.MessagesProcessed(processed);
        }
        Finish(yielded: processed >= _dispatcher.Throughput);
    }

    private void Finish(bool yielded)
    {
        if (_terminated)
        {
            DrainToDeadLetters();
            Interlocked.Exchange(ref _status, Closed);
            if (HasAnyMessage)
            {
                DrainClosed();
            }
            return;
        }
        if (yielded && _blocked == 0 && HasUserMessages)
        {
            // The run stopped at its throughput with work left: stay scheduled and queue again, which
            // gives other actors the thread without releasing and re-acquiring the mailbox.
            HandToDispatcher();
            return;
        }
        // A full fence between releasing the mailbox and looking at the queues: a producer that saw
        // "scheduled" before this point enqueued before it, so its message is seen here.
        Interlocked.Exchange(ref _status, Idle);
        if (Volatile.Read(ref _systemMessages) is not null || (_blocked == 0 && HasUserMessages))
        {
            Schedule();
        }
    }

    private void HandToDispatcher()
    {
        if (_dispatcher is ThreadPoolDispatcher)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        else
        {
            _dispatcher.Dispatch(this);
        }
    }

    private bool HasUserMessages => _front is { Count: > 0 } || _queue.HasMessages;

    private bool HasAnyMessage => Volatile.Read(ref _systemMessages) is not null || HasUserMessages;

    private bool TryDequeue(out object message, out IActorRef? sender)
    {
        if (_front is { Count: > 0 } front && front.TryPop(out var envelope))
        {
            message = envelope.Message!;
            sender = envelope.Sender;
            return true;
        }
        return _queue.TryDequeue(out message, out sender);
    }

    private void ProcessSystemMessages()
    {
        while (true)
        {
            var ordered = TakeSystemMessages();
            if (ordered is null)
            {
                return;
            }
            while (ordered is not null)
            {
                var message = ordered;
                ordered = ordered.Next;
                message.Next = null;
                if (_terminated)
                {
                    Cell.HandleSystemMessageAfterStop(message);
                }
                else
                {
                    Cell.SystemInvoke(message);
                }
            }
        }
    }

    /// <summary>Takes every queued system message, oldest first (the stack holds the newest first).</summary>
    private SystemMessage? TakeSystemMessages()
    {
        var batch = Interlocked.Exchange(ref _systemMessages, null);
        SystemMessage? ordered = null;
        while (batch is not null)
        {
            var next = batch.Next;
            batch.Next = ordered;
            ordered = batch;
            batch = next;
        }
        return ordered;
    }

    /// <summary>Empties a closed mailbox into dead letters; only the thread that won the CAS does it.</summary>
    private void DrainClosed()
    {
        while (Interlocked.CompareExchange(ref _status, Draining, Closed) == Closed)
        {
            DrainToDeadLetters();
            Interlocked.Exchange(ref _status, Closed);
            if (!HasAnyMessage)
            {
                return;
            }
        }
    }

    private void DrainToDeadLetters()
    {
        var cell = Cell;
        while (true)
        {
            var ordered = TakeSystemMessages();
            if (ordered is null)
            {
                break;
            }
            while (ordered is not null)
            {
                var message = ordered;
                ordered = ordered.Next;
                message.Next = null;
                cell.HandleSystemMessageAfterStop(message);
            }
        }
        while (TryDequeue(out var message, out var sender))
        {
            cell.System.DeadLetterOf(message, sender, cell.Self);
        }
    }
}
