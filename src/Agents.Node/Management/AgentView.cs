using System.Text.Json.Serialization;
using Agents.Library.Health;
using Agents.Platform.Agents;

namespace Agents.Node.Management;

/// <summary>An agent as the agents API shows it (<see cref="AgentInfo"/>): its definition, status and health.</summary>
/// <param name="Definition">Its current definition.</param>
/// <param name="Status">Where it is in its life: <c>inactive</c>, <c>starting</c>, <c>running</c>, <c>restarting</c> or <c>failed</c>.</param>
/// <param name="LastHeartbeat">When it last reported that it is alive; null before its first heartbeat.</param>
/// <param name="Restarts">How many times it was restarted since it was activated.</param>
/// <param name="LastFailure">The last failure's message, if it failed.</param>
/// <param name="Node">The node it runs on; null when it does not run.</param>
/// <param name="RecentEvents">
/// Its last events from the journal (persistence id <c>agent-&lt;id&gt;</c>), oldest first: only in
/// <c>GET /api/agents/{id}</c>, left out elsewhere.
/// </param>
/// <param name="HealthScore">
/// Its latest health score (<c>score</c>, <c>level</c>, <c>reasons</c>, <c>at</c>) from the node's
/// <see cref="AgentHealthBoard"/>: only in <c>GET /api/agents/{id}</c>, and left out while no <c>heartbeat-health</c>
/// agent has scored it.
/// </param>
public sealed record AgentView(
    AgentDefinitionDocument Definition,
    string Status,
    DateTimeOffset? LastHeartbeat,
    int Restarts,
    string? LastFailure,
    string? Node,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<JournalEvent>? RecentEvents = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AgentHealthEntry? HealthScore = null)
{
    /// <summary>The view of <paramref name="info"/>, with <paramref name="recentEvents"/> and <paramref name="healthScore"/> when given.</summary>
    public static AgentView From(AgentInfo info, IReadOnlyList<JournalEvent>? recentEvents = null, AgentHealthEntry? healthScore = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new AgentView(
            AgentDefinitionDocument.From(info.Definition), StatusText(info.Status), info.LastHeartbeat, info.Restarts, info.LastFailure,
            info.Node, recentEvents, healthScore);
    }

    /// <summary>How the API writes a status: its name in lower case.</summary>
    public static string StatusText(AgentStatus status) => status.ToString().ToLowerInvariant();
}
