using Agents.Actors;

namespace Agents.Platform.Agents;

public abstract partial class AgentBase
{
    private readonly int _maxConcurrentActions;
    private readonly HashSet<Guid> _runningActions = [];
    private readonly Queue<QueuedAction> _queuedActions = new();

    /// <summary>How many actions run now; at most <see cref="AgentLimits.MaxConcurrentActions"/>.</summary>
    protected int RunningActions => _runningActions.Count;

    /// <summary>How many actions wait for one of the running ones to finish.</summary>
    protected int QueuedActions => _queuedActions.Count;

    /// <summary>
    /// Starts long-running work off the agent's turn, so that the agent keeps handling messages (and sending
    /// heartbeats) meanwhile. At most <see cref="AgentLimits.MaxConcurrentActions"/> actions run at once; more wait in
    /// order. The outcome comes back as a message: <see cref="AgentActionCompleted"/> to
    /// <see cref="OnActionCompletedAsync"/>, or <see cref="AgentActionFailed"/> to <see cref="OnActionFailedAsync"/>.
    /// When the agent stops or restarts, the token of running actions is cancelled, queued actions never start, and
    /// no outcome is delivered.
    /// </summary>
    /// <remarks>
    /// <paramref name="work"/> runs on the thread pool: it must not touch the agent's state or its context. It may use
    /// <see cref="PublishAsync"/>, <see cref="WaitForEventAsync"/> and <see cref="Topics"/>, and values it captured.
    /// Call <see cref="StartAction"/> only from the agent's own handlers.
    /// </remarks>
    /// <param name="name">The action's name, for the outcome and the log.</param>
    /// <param name="work">The work; its result (may be <see langword="null"/>) becomes <see cref="AgentActionCompleted.Result"/>.</param>
    /// <returns>The action's id, which its outcome carries.</returns>
    protected Guid StartAction(string name, Func<CancellationToken, Task<object?>> work)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(work);
        var action = new QueuedAction(Guid.NewGuid(), name, work);
        if (_runningActions.Count < _maxConcurrentActions)
        {
            Run(action);
        }
        else
        {
            _queuedActions.Enqueue(action);
            AgentLog.ActionQueued(Log, Id, name, action.Id, _maxConcurrentActions, _queuedActions.Count);
        }

        return action.Id;
    }

    /// <summary>Called on the agent's turn when an action's work completed. Does nothing by default.</summary>
    /// <param name="completed">The action and its result.</param>
    protected virtual Task OnActionCompletedAsync(AgentActionCompleted completed) => Task.CompletedTask;

    /// <summary>
    /// Called on the agent's turn when an action's work threw. By default logs a warning and the agent carries on;
    /// rethrow <see cref="AgentActionFailed.Cause"/> in an override to fail the agent instead.
    /// </summary>
    /// <param name="failed">The action and its exception.</param>
    protected virtual Task OnActionFailedAsync(AgentActionFailed failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        AgentLog.ActionFailed(Log, Id, failed.Name, failed.ActionId, failed.Cause);
        return Task.CompletedTask;
    }

    private void Run(QueuedAction action)
    {
        _runningActions.Add(action.Id);
        _ = RunOffTurnAsync(action, Self, StoppingToken);
    }

    private static async Task RunOffTurnAsync(QueuedAction action, IActorRef self, CancellationToken stopping)
    {
        object outcome;
        try
        {
            var result = await Task.Run(() => action.Work(stopping), stopping).ConfigureAwait(false);
            outcome = new AgentActionCompleted(action.Id, action.Name, result);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            outcome = new AgentActionFailed(action.Id, action.Name, e);
        }

        if (!stopping.IsCancellationRequested)
        {
            self.Tell(outcome, self);
        }
    }

    private Task HandleActionCompletedAsync(AgentActionCompleted completed) =>
        Finish(completed.ActionId) ? OnActionCompletedAsync(completed) : Task.CompletedTask;

    private Task HandleActionFailedAsync(AgentActionFailed failed) =>
        Finish(failed.ActionId) ? OnActionFailedAsync(failed) : Task.CompletedTask;

    /// <summary>Frees the action's slot for the next queued one; false for an action this incarnation did not run.</summary>
    private bool Finish(Guid actionId)
    {
        if (!_runningActions.Remove(actionId))
        {
            return false;
        }

        while (_runningActions.Count < _maxConcurrentActions && _queuedActions.TryDequeue(out var next))
        {
            Run(next);
        }

        return true;
    }

    /// <summary>An action waiting for a slot.</summary>
    private sealed record QueuedAction(Guid Id, string Name, Func<CancellationToken, Task<object?>> Work);
}
