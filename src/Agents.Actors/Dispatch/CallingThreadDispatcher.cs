namespace Agents.Actors;

/// <summary>
/// Runs the mailbox on the thread that scheduled it, before <c>Tell</c> returns. Used by the
/// TestKit's <c>TestActorRef</c> so a test can send a message and look at the actor's state right
/// after. If the mailbox is already running (the actor sends to itself), the running loop picks
/// the message up.
/// </summary>
internal sealed class CallingThreadDispatcher() : MessageDispatcher(int.MaxValue)
{
    public override void Dispatch(Mailbox mailbox) => mailbox.Run();
}
