using Agents.Persistence.Serialization;

namespace Agents.Library.Health;

/// <summary>
/// The heartbeat health agent's decision that an agent's alert is over: its score is back at or above the info
/// threshold, or it is no longer active. Journaled before <c>alert.recovered</c> is published.
/// </summary>
/// <param name="AgentId">The agent whose alert ended.</param>
/// <param name="Score">Its health score now (its last one when it is no longer active).</param>
/// <param name="Message">Why, for people.</param>
/// <param name="At">When it was decided.</param>
[Manifest("agents.alert-cleared")]
public sealed record AlertCleared(string AgentId, double Score, string Message, DateTimeOffset At);
