using System.Text.Json;

namespace Agents.Cli.Management;

/// <summary>An agent's definition as the node shows it (durations as text, e.g. <c>10s</c>).</summary>
/// <param name="Id">The agent's id.</param>
/// <param name="Type">The agent type that runs it.</param>
/// <param name="Active">Whether it runs (false: a slot).</param>
/// <param name="Capabilities">What it can do.</param>
/// <param name="Subscribes">The topic patterns it receives.</param>
/// <param name="Publishes">The topics it publishes on.</param>
/// <param name="Priority">Higher starts first.</param>
/// <param name="Limits">Its resource limits.</param>
/// <param name="Schedules">When it wakes on its own.</param>
/// <param name="Heartbeat">Its heartbeat interval and timeout.</param>
/// <param name="Settings">The type's own settings (a JSON object, or undefined when none).</param>
internal sealed record AgentDefinitionView(
    string Id, string Type, bool Active, IReadOnlyList<string>? Capabilities, IReadOnlyList<string>? Subscribes,
    IReadOnlyList<string>? Publishes, int Priority, AgentLimitsView? Limits, IReadOnlyList<AgentScheduleView>? Schedules,
    AgentHeartbeatView? Heartbeat, JsonElement Settings);
