using Agents.Actors;

namespace Agents.Platform.Tests.Agents;

/// <summary>
/// Stands in for the agent's host: creates the agent as its child, forwards everything the agent tells it (started,
/// heartbeats) to a probe, and reports each failure of the agent to the probe before restarting it (or stopping it
/// when it cannot be created).
/// </summary>
internal sealed class AgentParent : ActorBase
{
    private readonly IActorRef _probe;

    public AgentParent(Props agent, string name, IActorRef probe)
    {
        _probe = probe;
        var child = Context.ActorOf(agent, name);
        probe.Tell(new AgentCreated(child), Self);
    }

    protected override bool Receive(object message)
    {
        _probe.Tell(message, Sender);
        return true;
    }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
    {
        _probe.Tell(new AgentFailure(e), Self);
        return e is ActorInitializationException ? Directive.Stop : Directive.Restart;
    });
}

/// <summary>The parent created the agent.</summary>
internal sealed record AgentCreated(IActorRef Agent);

/// <summary>The agent failed; the parent restarts it unless it could not be created.</summary>
internal sealed record AgentFailure(Exception Cause);
