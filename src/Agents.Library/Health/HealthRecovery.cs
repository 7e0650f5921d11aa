namespace Agents.Library.Health;

/// <summary>What is published on <c>alert.recovered</c> (as JSON: <c>agentId</c>, <c>score</c>, <c>message</c>).</summary>
/// <param name="AgentId">The agent whose alert ended.</param>
/// <param name="Score">Its health score now.</param>
/// <param name="Message">One line for people.</param>
public sealed record HealthRecovery(string AgentId, double Score, string Message);
