namespace Agents.Cli.Management;

/// <summary>One agent in <c>GET /api/agents</c> and <c>GET /api/agents/{id}</c>, and the answer of the routes that change one.</summary>
/// <param name="Definition">Its definition.</param>
/// <param name="Status">Where it is in its life: <c>inactive</c>, <c>starting</c>, <c>running</c>, <c>restarting</c> or <c>failed</c>.</param>
/// <param name="LastHeartbeat">When it last reported that it is alive, as the node formats it; null before its first.</param>
/// <param name="Restarts">How many times it was restarted since it was activated.</param>
/// <param name="LastFailure">The last failure's message, if it failed.</param>
/// <param name="Node">The node it runs on; null when it does not run.</param>
/// <param name="RecentEvents">Its last journal events, oldest first (only in <c>GET /api/agents/{id}</c>).</param>
internal sealed record AgentView(
    AgentDefinitionView Definition, string Status, string? LastHeartbeat, int Restarts, string? LastFailure, string? Node,
    IReadOnlyList<JournalEvent>? RecentEvents);
