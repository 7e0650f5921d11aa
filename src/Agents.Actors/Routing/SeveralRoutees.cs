using System.Collections.Immutable;

namespace Agents.Actors.Routing;

/// <summary>Several routees that all receive each message; what <see cref="BroadcastRoutingLogic"/> selects.</summary>
public sealed class SeveralRoutees : Routee
{
    /// <summary>Creates a routee that sends to every one of <paramref name="routees"/>.</summary>
    public SeveralRoutees(ImmutableArray<Routee> routees)
    {
        Routees = routees.IsDefault ? [] : routees;
    }

    /// <summary>The routees each message goes to.</summary>
    public ImmutableArray<Routee> Routees { get; }

    /// <summary>Sends <paramref name="message"/> to every routee, in order.</summary>
    public override void Send(object message, IActorRef? sender)
    {
        foreach (var routee in Routees)
        {
            routee.Send(message, sender);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SeveralRoutees({Routees.Length})";
}
