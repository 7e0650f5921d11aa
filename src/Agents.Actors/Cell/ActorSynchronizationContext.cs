namespace Agents.Actors;

/// <summary>
/// The synchronization context an async handler runs under: every continuation is posted back to the
/// actor's mailbox as a system message, so it runs on the actor's turn with its state, sender and
/// context intact. One instance per actor incarnation; continuations of an incarnation that was
/// restarted or stopped are dropped.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public ActorCell Cell { get; } = cell;

    public override void Post(SendOrPostCallback d, object? state) =>
        Cell.SelfRef.SendSystemMessage(new RunContinuation(this, d, state));

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (ActorCell.Current != Cell)
        {
            throw new NotSupportedException(
                $"Synchronous Send to the context of {Cell.Self.Path} from another thread would block it; use Post (await) instead.");
        }
        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;
}
