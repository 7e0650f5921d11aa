namespace Agents.Library.Health;

/// <summary>An agent's latest health score on the <see cref="AgentHealthBoard"/>, as <c>GET /api/agents/{id}</c> shows it.</summary>
/// <param name="Score">0 (dead) to 100 (healthy).</param>
/// <param name="Level"><c>healthy</c>, <c>info</c>, <c>warning</c>, <c>critical</c> or <c>emergency</c>.</param>
/// <param name="Reasons">What lowered the score; empty when healthy.</param>
/// <param name="At">When it was scored.</param>
public sealed record AgentHealthEntry(double Score, string Level, IReadOnlyList<string> Reasons, DateTimeOffset At);
