namespace Agents.Actors;

/// <summary>A user message with its sender, as stored in a mailbox slot.</summary>
internal struct Envelope
{
    public object? Message;
    public IActorRef? Sender;

    public Envelope(object message, IActorRef? sender)
    {
        Message = message;
        Sender = sender;
    }
}
