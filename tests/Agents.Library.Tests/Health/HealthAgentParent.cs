using Agents.Actors;

namespace Agents.Library.Tests.Health;

/// <summary>
/// Stands in for the agent's host: creates the agent as its child and forwards everything the agent tells it
/// (started, heartbeats) to a probe.
/// </summary>
internal sealed class HealthAgentParent : ActorBase
{
    private readonly IActorRef _probe;

    public HealthAgentParent(Props agent, string name, IActorRef probe)
    {
        _probe = probe;
        var child = Context.ActorOf(agent, name);
        probe.Tell(new HealthAgentCreated(child), Self);
    }

    protected override bool Receive(object message)
    {
        _probe.Tell(message, Sender);
        return true;
    }
}

/// <summary>The parent created the agent.</summary>
internal sealed record HealthAgentCreated(IActorRef Agent);
