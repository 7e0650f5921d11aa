using Agents.Actors;

namespace Agents.TestKit;

/// <summary>
/// A parent for an actor under test, in place of its real parent (an agent's host, a shard, a supervisor): it creates
/// the actor as its child, tells the probe <see cref="ChildCreated"/>, forwards to the probe everything sent to it
/// (what the child tells its parent) keeping the sender, and tells the probe <see cref="ChildFailed"/> for each failure
/// of the child before restarting it — or stopping it when it could not be created.
/// </summary>
public sealed class ProbeParent : ActorBase
{
    private readonly IActorRef _probe;

    private ProbeParent(Props child, string childName, IActorRef probe)
    {
        _probe = probe;
        probe.Tell(new ChildCreated(Context.ActorOf(child, childName)), Self);
    }

    /// <summary>The props of a parent of <paramref name="child"/> (named <paramref name="childName"/>) that reports to <paramref name="probe"/>.</summary>
    public static Props Props(Props child, string childName, IActorRef probe)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        ArgumentNullException.ThrowIfNull(probe);
        return Agents.Actors.Props.Create(() => new ProbeParent(child, childName, probe));
    }

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        _probe.Tell(message, Sender);
        return true;
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
    {
        _probe.Tell(new ChildFailed(e), Self);
        return e is ActorInitializationException ? Directive.Stop : Directive.Restart;
    });
}

/// <summary>A <see cref="ProbeParent"/> created its child.</summary>
/// <param name="Child">The actor under test.</param>
public sealed record ChildCreated(IActorRef Child);

/// <summary>The child of a <see cref="ProbeParent"/> failed; the parent restarts it unless it could not be created.</summary>
/// <param name="Cause">The failure.</param>
public sealed record ChildFailed(Exception Cause);
