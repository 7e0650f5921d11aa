namespace Agents.Library.Health;

/// <summary>
/// The scores below which an agent's health is at each level. Settings <c>info</c>, <c>warning</c>, <c>critical</c> and
/// <c>emergency</c> of a <c>heartbeat-health</c> agent (<c>settings.thresholds</c>); each lower than the one before.
/// </summary>
/// <param name="Info">Below it the level is at least info. <value>90</value></param>
/// <param name="Warning">Below it the level is at least warning. <value>70</value></param>
/// <param name="Critical">Below it the level is at least critical. <value>40</value></param>
/// <param name="Emergency">Below it the level is emergency. <value>15</value></param>
public sealed record HealthThresholds(double Info = 90, double Warning = 70, double Critical = 40, double Emergency = 15)
{
    /// <summary>The default thresholds: 90, 70, 40, 15.</summary>
    public static HealthThresholds Default { get; } = new();

    /// <summary>The level of <paramref name="score"/>; an agent that failed for good is at emergency whatever its score.</summary>
    /// <param name="score">The health score, 0 to 100.</param>
    /// <param name="failed">Whether the agent's status is failed.</param>
    public HealthLevel LevelOf(double score, bool failed = false) =>
        failed || score < Emergency ? HealthLevel.Emergency
        : score < Critical ? HealthLevel.Critical
        : score < Warning ? HealthLevel.Warning
        : score < Info ? HealthLevel.Info
        : HealthLevel.Healthy;
}
