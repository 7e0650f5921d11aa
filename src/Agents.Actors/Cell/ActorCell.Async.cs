namespace Agents.Actors;

internal sealed partial class ActorCell
{
    /// <summary>
    /// Runs an async handler under the actor's synchronization context. A task that is not complete
    /// when the handler returns becomes the pending turn: the mailbox takes no other user message
    /// until it completes. A task that already failed fails the actor right away.
    /// </summary>
    internal void RunAsync<TArg>(Func<TArg, Task> body, TArg arg)
    {
        var extras = Extras;
        var context = extras.SyncContext ??= new ActorSynchronizationContext(this);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = body(arg);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        if (task.IsCompletedSuccessfully)
        {
            return;
        }
        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
            return;
        }
        extras.PendingTask = extras.PendingTask is null ? task : Task.WhenAll(extras.PendingTask, task);
    }

    private void BeginAsyncTurn(CellExtras extras)
    {
        var task = extras.PendingTask!;
        extras.PendingTask = null;
        var turn = new AsyncTurn(this, task, _currentMessage, _currentSender);
        extras.PendingTurn = turn;
        Mailbox.Block(Mailbox.Awaiting);
        // Not an awaiter: a task completed inside a continuation runs under the actor's synchronization context,
        // where an awaiter's continuation is queued to the thread pool; posting the turn's end needs no hop.
        task.ContinueWith(
            static (_, state) => ((AsyncTurn)state!).OnTaskCompleted(), turn, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void CompleteAsyncTurn(AsyncTurn turn)
    {
        if (_extras is not { } extras || !ReferenceEquals(extras.PendingTurn, turn))
        {
            return;
        }
        extras.PendingTurn = null;
        Mailbox.Unblock(Mailbox.Awaiting);
        var task = turn.Task;
        if (!task.IsCompletedSuccessfully)
        {
            Exception failure = task.IsCanceled
                ? new TaskCanceledException(task)
                : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            HandleInvokeFailure(failure, turn.Message, null);
        }
        _currentMessage = null;
        _currentSender = null;
        if (extras.ReceiveTimeout is not null)
        {
            extras.LastActivity = System.TimeProvider.GetTimestamp();
        }
    }

    private void AbandonAsyncTurn(CellExtras extras)
    {
        extras.PendingTask = null;
        if (extras.PendingTurn is not null)
        {
            extras.PendingTurn = null;
            Mailbox.Unblock(Mailbox.Awaiting);
        }
    }

    private void RunContinuation(RunContinuation continuation)
    {
        if (_extras is not { } extras || !ReferenceEquals(extras.SyncContext, continuation.Context) || _actor is null)
        {
            return;
        }
        var turn = extras.PendingTurn;
        _currentMessage = turn?.Message;
        _currentSender = turn?.Sender;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(continuation.Context);
        try
        {
            continuation.Callback(continuation.State);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, turn?.Message, null);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        if (extras.PendingTurn is null)
        {
            if (extras.PendingTask is not null && !Mailbox.IsBlockedBy(Mailbox.FailedState | Mailbox.Terminating))
            {
                BeginAsyncTurn(extras);
            }
            else
            {
                _currentMessage = null;
                _currentSender = null;
            }
        }
    }
}
