using Agents.Persistence.Serialization;
using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

/// <summary>
/// Journaled by the coordinator (<c>agent-registry</c>) when an agent is defined, or its definition changes, from
/// the configuration or the management API. Replaying it sets the agent's whole definition, its active flag included.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Definition">Its definition, validated and with every default filled in.</param>
[Manifest("agents.agent-defined")]
public sealed record AgentDefined(string AgentId, AgentDefinition Definition);
