namespace Agents.Persistence.Actors;

/// <summary>Records one journal call as in flight and carries its outcome back to the actor's turn.</summary>
internal sealed class WriteCompletion(
    PersistentActorBase actor,
    PendingWrite[] writes,
    Task<IReadOnlyList<Exception?>> task,
    SynchronizationContext context,
    WritesInFlight inFlight,
    string persistenceId)
{
    private static readonly SendOrPostCallback s_deliver = static state => ((WriteCompletion)state!).Deliver();

    private static readonly Action<object?> s_settle = static state => ((WriteCompletion)state!).SettleAndPost();

    /// <summary>Tracks the call in flight and posts its outcome to the context (the actor's incarnation) once the journal answered.</summary>
    public void Start()
    {
        if (task.IsCompleted)
        {
            // A journal that answered at once (in memory): post straight away rather than through a thread-pool hop,
            // which an awaiter takes for a completed task. The handler still runs after the current command.
            context.Post(s_deliver, this);
            return;
        }

        if (task.AsyncState is IWriteCompletionNotifier notifier)
        {
            // The journal calls back on its writer: settling and posting to a mailbox are cheap and never block, and
            // save the thread-pool hops of a continuation and of the in-flight entry's removal. The handler itself
            // still runs on the actor's turn. Tracked first, so a callback that runs at once finds the entry.
            inFlight.Track(persistenceId, task, settledByCaller: true);
            notifier.OnCompleted(s_settle, this);
            return;
        }

        inFlight.Track(persistenceId, task);
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => context.Post(s_deliver, this));
    }

    private void SettleAndPost()
    {
        inFlight.Settled(persistenceId, task);
        context.Post(s_deliver, this);
    }

    private void Deliver() => actor.OnWriteCompleted(writes, task);
}
