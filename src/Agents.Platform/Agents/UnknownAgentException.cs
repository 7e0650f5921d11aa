namespace Agents.Platform.Agents;

/// <summary>No agent is defined with the given id.</summary>
public sealed class UnknownAgentException : Exception
{
    /// <summary>Creates the exception for <paramref name="agentId"/>.</summary>
    public UnknownAgentException(string agentId)
        : base($"No agent has the id '{agentId}'. List the defined agents with GET /api/agents (agents agent list).") =>
        AgentId = agentId;

    /// <summary>The id that no agent has.</summary>
    public string AgentId { get; }
}
