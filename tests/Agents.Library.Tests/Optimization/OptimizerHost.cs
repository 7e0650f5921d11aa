using Agents.Actors;

namespace Agents.Library.Tests.Optimization;

/// <summary>Stands in for an agent's host: creates the agent as its child and forwards what the agent tells it to a probe.</summary>
internal sealed class OptimizerHost : ActorBase
{
    private readonly IActorRef _probe;

    public OptimizerHost(Props agent, string name, IActorRef probe)
    {
        _probe = probe;
        probe.Tell(new HostedAgent(Context.ActorOf(agent, name)), Self);
    }

    protected override bool Receive(object message)
    {
        _probe.Tell(message, Sender);
        return true;
    }
}

/// <summary>The host created the agent.</summary>
internal sealed record HostedAgent(IActorRef Agent);
