namespace Agents.Library.Health;

/// <summary>How health levels are written in alerts, topics and the management API: their names in lower case.</summary>
public static class HealthLevelNames
{
    /// <summary>The name of <paramref name="level"/>: <c>healthy</c>, <c>info</c>, <c>warning</c>, <c>critical</c> or <c>emergency</c>.</summary>
    public static string Of(HealthLevel level) => level switch
    {
        HealthLevel.Healthy => "healthy",
        HealthLevel.Info => "info",
        HealthLevel.Warning => "warning",
        HealthLevel.Critical => "critical",
        HealthLevel.Emergency => "emergency",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a health level"),
    };
}
