namespace Agents.Library.Health;

/// <summary>What is published on <c>anomaly.detected</c> (as JSON: <c>metric</c>, <c>value</c>, <c>score</c>, <c>method</c>, <c>window</c>).</summary>
/// <param name="Metric">The metric: the topic after <c>metrics.</c>.</param>
/// <param name="Value">The anomalous value.</param>
/// <param name="Score">The score of <paramref name="Method"/>.</param>
/// <param name="Method"><c>isolation_forest</c> or <c>robust_z</c>.</param>
/// <param name="Window">How many values of history it was judged against.</param>
public sealed record AnomalyReport(string Metric, double Value, double Score, string Method, int Window);
