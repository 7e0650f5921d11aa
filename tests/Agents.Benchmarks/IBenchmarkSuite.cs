namespace Agents.Benchmarks;

/// <summary>
/// A named group of benchmarks (<c>hocon</c>, <c>actors</c>, <c>persistence</c>, ...) run by
/// <c>./build.sh bench SUITE</c>. Each result carries its own baseline, measured in the same run.
/// </summary>
public interface IBenchmarkSuite
{
    /// <summary>The suite name used on the command line and as the results file name.</summary>
    string Name { get; }

    /// <summary>Runs every benchmark of the suite and yields each result as soon as it is known.</summary>
    IAsyncEnumerable<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken);
}
