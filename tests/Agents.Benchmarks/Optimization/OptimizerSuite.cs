using System.Runtime.CompilerServices;
using Agents.Library.Optimization;

namespace Agents.Benchmarks.Optimization;

/// <summary>
/// Quality, not speed: the Gaussian-process optimizer against random search with the same budget on Branin (2-D,
/// 30 evaluations), Hartmann-6 (6-D, 50) and a noisy quadratic (10-D, 60), over 20 seeds (also with <c>--quick</c>: the suite takes seconds).
/// Each result is the median over seeds of the regret (the noise-free value of the trial with the best observed
/// score, minus the function's minimum): ours as value, random search as baseline, lower is better.
/// </summary>
public sealed class OptimizerSuite : IBenchmarkSuite
{
    /// <inheritdoc />
    public string Name => "optimizer";

    /// <inheritdoc />
    public async IAsyncEnumerable<BenchmarkResult> RunAsync(BenchmarkOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seeds = 20;
        TestFunction[] functions = [TestFunctions.Branin(30), TestFunctions.Hartmann6(50), TestFunctions.NoisyQuadratic(60)];
        foreach (var function in functions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ours = await Task.Run(() => Regrets(function, seeds, seed => new GaussianProcessSampler(
                function.Space, seed, GaussianProcessSampler.DefaultInitialRandom(function.Space)), cancellationToken), cancellationToken);
            var baseline = await Task.Run(() => Regrets(function, seeds, seed => new RandomSampler(function.Space, seed), cancellationToken), cancellationToken);
            yield return new BenchmarkResult(
                $"{function.Name}.regret", Quantile(ours, 0.5), "regret", Quantile(baseline, 0.5), HigherIsBetter: false,
                Target: $"GP median below random ({function.Budget} evals, {seeds} seeds)");
            yield return new BenchmarkResult(
                $"{function.Name}.regret.p75", Quantile(ours, 0.75), "regret", Quantile(baseline, 0.75), HigherIsBetter: false,
                Target: "information: the worse quarter of seeds");
        }
    }

    /// <summary>The regret of each seed, sorted.</summary>
    private static double[] Regrets(TestFunction function, int seeds, Func<int, ITrialSampler> sampler, CancellationToken cancellationToken)
    {
        var regrets = new double[seeds];
        Parallel.For(0, seeds, new ParallelOptions { CancellationToken = cancellationToken }, seed =>
        {
            regrets[seed] = Regret(function, sampler(seed + 1), seed + 1);
        });
        Array.Sort(regrets);
        return regrets;
    }

    /// <summary>The <paramref name="q"/> quantile of sorted values, interpolated linearly (0.5 is the median).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /// <summary>One run: the noise-free value at the trial the optimizer would report (lowest observed score), minus the minimum.</summary>
    private static double Regret(TestFunction function, ITrialSampler sampler, int seed)
    {
        var noise = new Random(seed * 7919);
        var observations = SequentialSearch.Run(sampler, function.Budget, (parameters, _) =>
        {
            var value = function.Value(function.Coordinates(parameters));
            return function.NoiseDeviation > 0 ? value + function.NoiseDeviation * Gaussian(noise) : value;
        });
        var reported = observations.MinBy(o => o.Score)!;
        return function.Value(function.Coordinates(function.Space.Decode(reported.Point))) - function.Minimum;
    }

    private static double Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
