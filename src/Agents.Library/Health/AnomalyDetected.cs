using Agents.Persistence.Serialization;

namespace Agents.Library.Health;

/// <summary>
/// The performance monitor's decision that a metric value is an anomaly: journaled before <c>anomaly.detected</c> is
/// published, and remembered by the event's topic offset so that a redelivered event is not flagged twice.
/// </summary>
/// <param name="Metric">The metric: the topic after <c>metrics.</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Score">The score of <paramref name="Method"/>.</param>
/// <param name="Method"><c>isolation_forest</c> or <c>robust_z</c>.</param>
/// <param name="Window">How many values of history it was judged against.</param>
/// <param name="Offset">The topic offset of the metric event, as text.</param>
/// <param name="At">When it was decided.</param>
[Manifest("agents.anomaly-detected")]
public sealed record AnomalyDetected(string Metric, double Value, double Score, string Method, int Window, string Offset, DateTimeOffset At);
