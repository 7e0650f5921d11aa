namespace Agents.Benchmarks;

/// <summary>How a suite should run.</summary>
/// <param name="Quick">Smaller workloads so that one suite finishes in under two minutes.</param>
public sealed record BenchmarkOptions(bool Quick);
