namespace Agents.Library.Health;

/// <summary>How a metric value was judged against the history before it.</summary>
/// <param name="Method"><c>isolation_forest</c> or <c>robust_z</c>.</param>
/// <param name="Score">The isolation forest's score (0 to 1) or the robust z-score (signed).</param>
/// <param name="IsAnomaly">Whether the score crossed its method's threshold.</param>
/// <param name="Window">How many values of history it was judged against.</param>
public sealed record AnomalyVerdict(string Method, double Score, bool IsAnomaly, int Window)
{
    /// <summary>The method name of the isolation forest.</summary>
    /// <value><c>isolation_forest</c></value>
    public const string IsolationForestMethod = "isolation_forest";

    /// <summary>The method name of the robust z-score.</summary>
    /// <value><c>robust_z</c></value>
    public const string RobustZMethod = "robust_z";
}
