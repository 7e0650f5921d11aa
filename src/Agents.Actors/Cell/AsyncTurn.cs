namespace Agents.Actors;

/// <summary>
/// An async handler in progress. While it is pending the mailbox takes no user message; when its task
/// completes, the turn posts itself to the actor as a system message, which ends it (and reports a
/// fault as the actor's failure).
/// </summary>
internal sealed class AsyncTurn(ActorCell cell, Task task, object? message, IActorRef? sender) : SystemMessage
{
    public Task Task { get; } = task;
    public object? Message { get; } = message;
    public IActorRef? Sender { get; } = sender;

    public void OnTaskCompleted() => cell.SelfRef.SendSystemMessage(this);
}
