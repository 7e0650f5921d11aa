using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

// The shard regions of the agent types, and what the hosts tell the coordinator.
public sealed partial class AgentCoordinator
{
    private readonly Dictionary<string, IActorRef> _regions = new(StringComparer.Ordinal);

    /// <summary>The shard region type name of an agent type.</summary>
    internal static string RegionName(string agentType) => "agent-" + agentType;

    /// <summary>Starts (or, after a restart of the coordinator, finds) one region per registered agent type.</summary>
    private void StartRegions()
    {
        var sharding = ClusterSharding.Get(Context.System);
        var settings = sharding.Settings with
        {
            // Agents run until they are deactivated: never passivated for being idle, never remembered by sharding
            // (the coordinator's journal is what brings them back).
            PassivateIdleAfter = null,
            RememberEntities = false,
            StopMessage = AgentHost.ShutdownMessage,
        };
        var coordinator = Self;
        var types = _types;
        var supervision = _options.Supervision;
        foreach (var type in _types.Names)
        {
            var name = RegionName(type);
            _regions[type] = sharding.ShardTypeNames.Contains(name)
                ? sharding.ShardRegion(name)
                : sharding.Start(name, id => AgentHost.Props(id, coordinator, types, supervision), settings);
        }
    }

    /// <summary>Starts every active agent, highest priority first (then by id).</summary>
    private void StartActiveAgents()
    {
        foreach (var entry in _agents.Values
                     .Where(e => e.Active)
                     .OrderByDescending(e => e.Definition.Priority)
                     .ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            Wake(entry);
        }
    }

    /// <summary>
    /// Starts the agent's host (when it does not run yet); the host asks for the definition with
    /// <see cref="AgentHostStarted"/>.
    /// </summary>
    private void Wake(AgentEntry entry)
    {
        if (!_regions.TryGetValue(entry.Definition.Type, out var region))
        {
            entry.Status = AgentStatus.Failed;
            entry.LastFailure = _types.UnknownTypeMessage(entry.Definition.Type);
            AgentCoordinatorLog.UnknownType(Log, entry.Id, entry.LastFailure);
            return;
        }
        if (entry.Status is not AgentStatus.Running)
        {
            entry.Status = AgentStatus.Starting;
        }
        region.Tell(new StartEntity(entry.Id), Self);
    }

    /// <summary>Sends <paramref name="message"/> to the host of <paramref name="entry"/> through its region.</summary>
    private void SendToHost(AgentEntry entry, object message, IActorRef? sender = null) =>
        SendToHost(entry.Definition.Type, entry.Id, message, sender);

    /// <summary>Sends <paramref name="message"/> to the host of <paramref name="agentId"/> in the region of <paramref name="agentType"/>.</summary>
    private void SendToHost(string agentType, string agentId, object message, IActorRef? sender = null)
    {
        if (_regions.TryGetValue(agentType, out var region))
        {
            region.Tell(new ShardingEnvelope(agentId, message), sender ?? Self);
        }
        else if (sender is not null)
        {
            sender.Tell(new Status.Failure(new InvalidOperationException(_types.UnknownTypeMessage(agentType))), Self);
        }
    }

    private void OnHostStarted(AgentHostStarted started)
    {
        if (_agents.TryGetValue(started.AgentId, out var entry) && entry.Active && _types.Contains(entry.Definition.Type))
        {
            if (entry.Status is not (AgentStatus.Running or AgentStatus.Restarting))
            {
                entry.Status = AgentStatus.Starting;
            }
            Sender.Tell(new StartAgent(entry.Definition), Self);
            return;
        }
        Sender.Tell(new StopAgent(started.AgentId), Self);
    }

    private void OnAgentStarted(AgentStarted started)
    {
        if (_agents.TryGetValue(started.AgentId, out var entry) && entry.Active)
        {
            entry.Status = AgentStatus.Running;
            entry.LastHeartbeat = started.At;
            entry.LastSeen = Context.System.TimeProvider.GetUtcNow();
        }
    }

    private void OnHeartbeat(AgentHeartbeatSignal heartbeat)
    {
        if (!_agents.TryGetValue(heartbeat.AgentId, out var entry) || !entry.Active)
        {
            return;
        }
        entry.LastHeartbeat = heartbeat.At;
        entry.LastSeen = Context.System.TimeProvider.GetUtcNow();
        if (entry.Status is AgentStatus.Starting)
        {
            entry.Status = AgentStatus.Running;
        }
    }

    private void OnAgentFailed(AgentFailed failed)
    {
        if (_agents.TryGetValue(failed.AgentId, out var entry) && entry.Active)
        {
            entry.Status = AgentStatus.Restarting;
            entry.Restarts++;
            entry.LastFailure = failed.Reason;
        }
    }

    private void OnAgentGaveUp(AgentGaveUp gaveUp)
    {
        if (!_agents.TryGetValue(gaveUp.AgentId, out var entry) || !entry.Active)
        {
            return;
        }
        entry.Status = AgentStatus.Failed;
        entry.LastFailure = gaveUp.Reason;
        Publish(new AgentHealthFailure(
            entry.Id, AgentHealthFailure.TooManyFailures, entry.LastSeen, null, Node,
            $"failed {gaveUp.FailuresInWindow} times within {_options.Supervision.FailureWindow}; last failure: {gaveUp.Reason}"));
    }
}
