namespace Agents.Benchmarks;

/// <summary>
/// One measured figure beside the baseline measured in the same run.
/// </summary>
/// <param name="Name">Stable result name, e.g. <c>hocon.parse</c> or <c>pingpong.pairs1</c>.</param>
/// <param name="Value">Our figure.</param>
/// <param name="Unit">Unit of both figures, e.g. <c>MB/s</c>, <c>messages/s</c>, <c>µs</c>.</param>
/// <param name="Baseline">The same work done by the raw building block (JsonDocument, Channel, Npgsql).</param>
/// <param name="HigherIsBetter">True for throughput, false for latency, time and size.</param>
/// <param name="Target">What the issue asks for, in words, shown in the table only.</param>
public sealed record BenchmarkResult(
    string Name, double Value, string Unit, double Baseline, bool HigherIsBetter = true, string? Target = null)
{
    /// <summary>Value divided by baseline; read it with <see cref="HigherIsBetter"/>.</summary>
    public double Ratio => Baseline == 0 ? double.NaN : Value / Baseline;
}
