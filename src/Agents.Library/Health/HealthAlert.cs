namespace Agents.Library.Health;

/// <summary>What is published on <c>alert.&lt;level&gt;</c> (as JSON: <c>agentId</c>, <c>level</c>, <c>score</c>, <c>reasons</c>, <c>message</c>).</summary>
/// <param name="AgentId">The agent whose health it is.</param>
/// <param name="Level">The level: <c>info</c>, <c>warning</c>, <c>critical</c> or <c>emergency</c>.</param>
/// <param name="Score">The health score, 0 to 100.</param>
/// <param name="Reasons">What lowered the score.</param>
/// <param name="Message">One line for people.</param>
public sealed record HealthAlert(string AgentId, string Level, double Score, IReadOnlyList<string> Reasons, string Message);
