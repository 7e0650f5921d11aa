namespace Agents.Platform.Agents;

/// <summary>
/// The agents of the platform, for code outside them: the management API, the console (through the API) and
/// workflow rules. Every change is journaled by the coordinator before the returned task completes.
/// </summary>
public interface IAgentDirectory
{
    /// <summary>The registered agent types, ordered by name.</summary>
    IReadOnlyList<string> AgentTypes { get; }

    /// <summary>The defined agents, ordered by id, optionally only those of one type and in one status.</summary>
    Task<IReadOnlyList<AgentInfo>> ListAsync(string? type = null, AgentStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>One agent, or <see langword="null"/> when no agent has <paramref name="id"/>.</summary>
    Task<AgentInfo?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Defines a new agent (and starts it when it is active).</summary>
    /// <exception cref="AgentDefinitionException">The definition is invalid: the message says which field and why.</exception>
    Task<AgentInfo> DefineAsync(AgentDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Activates a defined agent: it starts, and starts again after node restarts.</summary>
    /// <exception cref="UnknownAgentException">No agent has <paramref name="id"/>.</exception>
    Task<AgentInfo> ActivateAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deactivates an agent: it stops (its last events durable) and stays a slot.</summary>
    /// <exception cref="UnknownAgentException">No agent has <paramref name="id"/>.</exception>
    Task<AgentInfo> DeactivateAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Restarts an agent now (also one that failed too often): it rebuilds its state from its events.</summary>
    /// <exception cref="UnknownAgentException">No agent has <paramref name="id"/>.</exception>
    Task<AgentInfo> RestartAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="command"/> to an agent and returns its answer.</summary>
    /// <exception cref="UnknownAgentException">No agent has <paramref name="id"/>.</exception>
    /// <exception cref="TimeoutException">The agent did not answer within <paramref name="timeout"/>.</exception>
    Task<AgentCommandResult> TellAsync(string id, AgentCommand command, TimeSpan timeout, CancellationToken cancellationToken = default);
}
