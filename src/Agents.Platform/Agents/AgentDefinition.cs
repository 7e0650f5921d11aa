using System.Text.Json;
using Agents.Persistence.Serialization;
using Agents.Platform.Topics;

namespace Agents.Platform.Agents;

/// <summary>
/// What an agent is: its id, its type (which code runs it), what it can do, which topics it listens to and
/// publishes on, how urgent it is, what it may use, when it wakes on its own, how it proves it is alive, and the
/// type's own settings. Definitions come from HOCON (<c>agents.definitions</c>) or from the management API, and are
/// journaled by the coordinator, so a node restart brings every defined agent back.
/// </summary>
/// <param name="Id">The agent's id: unique on the cluster, stable, ASCII letters, digits, '-', '_' and '.'.</param>
/// <param name="Type">The registered agent type that runs it.</param>
/// <param name="Active">Whether it runs; an inactive definition is a slot that can be activated later.</param>
/// <param name="Capabilities">What it can do, for people and for routing by capability.</param>
/// <param name="Subscribes">The topic patterns it receives events of (durably: none is lost while it is down).</param>
/// <param name="Publishes">The topics (or patterns) it publishes on, for people and audits.</param>
/// <param name="Priority">Higher starts first and wins ties; 0 by default.</param>
/// <param name="Limits">Its resource limits.</param>
/// <param name="Schedules">When it wakes on its own.</param>
/// <param name="Heartbeat">How often it reports that it is alive, and how long it may be silent.</param>
/// <param name="Settings">The type's own settings as a JSON object; <see langword="null"/> for none.</param>
/// <param name="SubscribeFrom">Where its subscription begins the first time the agent runs: at the beginning of the
/// topic log (the default: it also receives what was published before it existed) or at the end.</param>
[Manifest("agents.agent-definition")]
public sealed record AgentDefinition(
    string Id,
    string Type,
    bool Active = true,
    IReadOnlyList<string>? Capabilities = null,
    IReadOnlyList<string>? Subscribes = null,
    IReadOnlyList<string>? Publishes = null,
    int Priority = 0,
    AgentLimits? Limits = null,
    IReadOnlyList<AgentSchedule>? Schedules = null,
    AgentHeartbeat? Heartbeat = null,
    JsonElement? Settings = null,
    SubscriptionStart SubscribeFrom = SubscriptionStart.Beginning);
