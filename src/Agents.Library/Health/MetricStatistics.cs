namespace Agents.Library.Health;

/// <summary>The rolling statistics of one metric over its sliding window, as the performance monitor's <c>stats</c> command answers them.</summary>
/// <param name="Count">How many values the window holds (at most its size).</param>
/// <param name="Total">How many values the metric had since the monitor (re)started.</param>
/// <param name="Mean">The mean of the window; 0 when it is empty.</param>
/// <param name="Variance">The sample variance of the window (divided by count − 1); 0 with fewer than two values.</param>
/// <param name="Min">The smallest value of the window; 0 when it is empty.</param>
/// <param name="Max">The largest value of the window; 0 when it is empty.</param>
/// <param name="Last">The newest value; 0 when there is none.</param>
public sealed record MetricStatistics(int Count, long Total, double Mean, double Variance, double Min, double Max, double Last);
