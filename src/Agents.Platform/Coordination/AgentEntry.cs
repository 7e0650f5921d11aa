using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

/// <summary>What the coordinator knows about one agent: its journaled definition and how it is doing on this node.</summary>
internal sealed class AgentEntry(AgentDefinition definition)
{
    public AgentDefinition Definition { get; set; } = definition;

    public AgentStatus Status { get; set; } = definition.Active ? AgentStatus.Starting : AgentStatus.Inactive;

    /// <summary>The time the agent put on its last start or heartbeat signal.</summary>
    public DateTimeOffset? LastHeartbeat { get; set; }

    /// <summary>When the coordinator last heard from the agent (its own clock), the base of the heartbeat watch.</summary>
    public DateTimeOffset? LastSeen { get; set; }

    public int Restarts { get; set; }

    public string? LastFailure { get; set; }

    public string Id => Definition.Id;

    public bool Active => Definition.Active;

    public AgentInfo ToInfo(string node) => new(
        Definition, Status, LastHeartbeat, Restarts, LastFailure,
        Status is AgentStatus.Starting or AgentStatus.Running or AgentStatus.Restarting ? node : null);
}
