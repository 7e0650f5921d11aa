using Agents.Persistence.Serialization;

namespace Agents.Library.Health;

/// <summary>
/// The heartbeat health agent's decision that an agent's health entered a level worse than healthy: journaled before
/// the alert is published on <c>alert.&lt;level&gt;</c>, so that a restarted health agent knows it and does not raise it again.
/// </summary>
/// <param name="AgentId">The agent whose health it is.</param>
/// <param name="Level">The level entered: <c>info</c>, <c>warning</c>, <c>critical</c> or <c>emergency</c>.</param>
/// <param name="Score">The health score that entered it.</param>
/// <param name="Reasons">What lowered the score.</param>
/// <param name="Message">The alert's message, for people.</param>
/// <param name="At">When it was decided.</param>
[Manifest("agents.alert-raised")]
public sealed record AlertRaised(string AgentId, string Level, double Score, IReadOnlyList<string> Reasons, string Message, DateTimeOffset At);
