namespace Agents.Persistence.Actors;

/// <summary>Carries the outcome of one journal call back to the actor's turn.</summary>
internal sealed class WriteCompletion(PersistentActorBase actor, PendingWrite[] writes, Task<IReadOnlyList<Exception?>> task)
{
    private static readonly SendOrPostCallback s_deliver = static state => ((WriteCompletion)state!).Deliver();

    /// <summary>Posts the outcome to <paramref name="context"/> (the actor's incarnation) once the journal answered.</summary>
    public void PostWhenDone(SynchronizationContext context)
    {
        if (task.IsCompleted)
        {
            // A journal that answered at once (in memory): post straight away rather than through a thread-pool hop,
            // which an awaiter takes for a completed task. The handler still runs after the current command.
            context.Post(s_deliver, this);
            return;
        }

        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => context.Post(s_deliver, this));
    }

    private void Deliver() => actor.OnWriteCompleted(writes, task);
}
