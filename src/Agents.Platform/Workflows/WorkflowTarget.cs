namespace Agents.Platform.Workflows;

/// <summary>Who a workflow rule tells: one agent by id (<c>tell</c>), or every active agent of a type (<c>tell-type</c>).</summary>
public sealed record WorkflowTarget
{
    private WorkflowTarget(string? agentId, string? agentType)
    {
        AgentId = agentId;
        AgentType = agentType;
    }

    /// <summary>The agent told, when the rule tells one agent.</summary>
    public string? AgentId { get; }

    /// <summary>The type whose active agents are told, when the rule tells a type.</summary>
    public string? AgentType { get; }

    /// <summary>The agent <paramref name="id"/>.</summary>
    public static WorkflowTarget Agent(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new WorkflowTarget(id, null);
    }

    /// <summary>Every agent of <paramref name="type"/> that is running or starting when the rule fires.</summary>
    public static WorkflowTarget AgentsOfType(string type)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        return new WorkflowTarget(null, type);
    }

    /// <inheritdoc />
    public override string ToString() => AgentId is not null ? $"agent '{AgentId}'" : $"every active agent of type '{AgentType}'";
}
