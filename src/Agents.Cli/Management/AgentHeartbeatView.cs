namespace Agents.Cli.Management;

/// <summary>An agent's heartbeat: how often, and how long it may be silent.</summary>
/// <param name="Interval">How often, as the node writes it.</param>
/// <param name="Timeout">How long it may be silent, as the node writes it.</param>
internal sealed record AgentHeartbeatView(string? Interval, string? Timeout);
