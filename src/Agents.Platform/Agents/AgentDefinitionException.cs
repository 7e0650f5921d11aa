namespace Agents.Platform.Agents;

/// <summary>An agent definition is invalid; the message names the agent, the field and what is wrong with it.</summary>
public sealed class AgentDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="agentId">The agent whose definition is invalid (may be empty when the id itself is missing).</param>
    /// <param name="field">The field that is wrong, such as <c>type</c> or <c>subscribes[1]</c>.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public AgentDefinitionException(string agentId, string field, string message)
        : base(string.IsNullOrEmpty(agentId) ? $"agent definition, {field}: {message}" : $"agent '{agentId}', {field}: {message}")
    {
        AgentId = agentId;
        Field = field;
    }

    /// <summary>The agent whose definition is invalid.</summary>
    public string AgentId { get; }

    /// <summary>The field that is wrong.</summary>
    public string Field { get; }
}
