namespace Agents.Actors.Tests.Routing;

/// <summary>What a routee saw: itself and the message. Sent back to the message's sender.</summary>
internal sealed record Echoed(IActorRef Routee, object Message);

/// <summary>A routee that answers every message to its sender with <see cref="Echoed"/>; "fail" throws.</summary>
internal sealed class Echo : ReceiveActor
{
    public Echo()
    {
        Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("routee failure on purpose"));
        ReceiveAny(message => Sender.Tell(new Echoed(Self, message), Self));
    }
}
