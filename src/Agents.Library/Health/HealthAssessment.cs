namespace Agents.Library.Health;

/// <summary>An agent's health score and why it is not 100.</summary>
/// <param name="Score">0 (dead) to 100 (healthy), rounded to one decimal.</param>
/// <param name="Reasons">What lowered the score, for people; empty for a healthy agent.</param>
public sealed record HealthAssessment(double Score, IReadOnlyList<string> Reasons);
