using System.Text.Json.Serialization;

namespace Agents.Node.Management;

/// <summary>An agent's heartbeat in the agents API (<see cref="Agents.Platform.Agents.AgentHeartbeat"/>); a missing field takes the default.</summary>
/// <param name="Interval">How often the agent reports that it is alive, e.g. <c>10s</c> (the default).</param>
/// <param name="Timeout">How long it may be silent before it counts as failed, e.g. <c>30s</c> (the default).</param>
public sealed record AgentHeartbeatDocument(
    [property: JsonConverter(typeof(DurationTextConverter))] string? Interval = null,
    [property: JsonConverter(typeof(DurationTextConverter))] string? Timeout = null);
