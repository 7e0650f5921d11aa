using Agents.Actors;

namespace Agents.Library.Tests.Training;

/// <summary>
/// Stands in for an agent's host: creates the agent as its child, forwards what the agent tells it (started,
/// heartbeats) to a probe, and restarts the agent when it fails (stops it when it cannot be created).
/// </summary>
internal sealed class TrainingAgentHost : ActorBase
{
    private readonly IActorRef _probe;

    public TrainingAgentHost(Props agent, string name, IActorRef probe)
    {
        _probe = probe;
        var child = Context.ActorOf(agent, name);
        probe.Tell(new HostedAgent(child), Self);
    }

    protected override bool Receive(object message)
    {
        _probe.Tell(message, Sender);
        return true;
    }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
    {
        _probe.Tell(new HostedAgentFailed(e), Self);
        return e is ActorInitializationException ? Directive.Stop : Directive.Restart;
    });
}

/// <summary>The host created the agent.</summary>
internal sealed record HostedAgent(IActorRef Agent);

/// <summary>The agent failed; the host restarts it unless it could not be created.</summary>
internal sealed record HostedAgentFailed(Exception Cause);
