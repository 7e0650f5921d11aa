using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

/// <summary>To the coordinator: the defined agents, ordered by id; answered with an <c>IReadOnlyList&lt;AgentInfo&gt;</c>.</summary>
/// <param name="Type">Only agents of this type; <see langword="null"/> for all.</param>
/// <param name="Status">Only agents in this status; <see langword="null"/> for all.</param>
public sealed record GetAgents(string? Type = null, AgentStatus? Status = null);

/// <summary>To the coordinator: one agent; answered with its <see cref="AgentInfo"/>, or a failure with <see cref="UnknownAgentException"/>.</summary>
/// <param name="AgentId">The agent.</param>
public sealed record GetAgent(string AgentId);

/// <summary>
/// To the coordinator: define an agent, or change its definition; answered with its <see cref="AgentInfo"/> once the
/// definition is journaled, or a failure with <see cref="AgentDefinitionException"/>. A running agent whose definition
/// changed is restarted with the new one.
/// </summary>
/// <param name="Definition">The definition.</param>
public sealed record DefineAgent(AgentDefinition Definition);

/// <summary>
/// To the coordinator: activate an agent (an active one that was given up runs again); answered with its
/// <see cref="AgentInfo"/>, or a failure with <see cref="UnknownAgentException"/>.
/// </summary>
/// <param name="AgentId">The agent.</param>
public sealed record ActivateAgent(string AgentId);

/// <summary>To the coordinator: deactivate an agent; answered with its <see cref="AgentInfo"/>, or a failure with <see cref="UnknownAgentException"/>.</summary>
/// <param name="AgentId">The agent.</param>
public sealed record DeactivateAgent(string AgentId);

/// <summary>
/// To the coordinator: restart an active agent now, also one that was given up; answered with its
/// <see cref="AgentInfo"/>, or a failure with <see cref="UnknownAgentException"/>. An inactive agent stays inactive.
/// </summary>
/// <param name="AgentId">The agent.</param>
public sealed record RequestAgentRestart(string AgentId);

/// <summary>
/// To the coordinator: deliver <paramref name="Message"/> to the agent through its shard region, keeping the sender,
/// who receives the agent's answer. An unknown id is answered with a failure with <see cref="UnknownAgentException"/>;
/// an <see cref="AgentCommand"/> to an inactive agent is answered as rejected.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Message">What the agent receives, typically an <see cref="AgentCommand"/>.</param>
public sealed record SendToAgent(string AgentId, object Message);
