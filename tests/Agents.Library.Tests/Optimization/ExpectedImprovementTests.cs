using Agents.Library.Optimization;

namespace Agents.Library.Tests.Optimization;

public sealed class ExpectedImprovementTests
{
    [Fact]
    public void At_the_best_mean_it_is_the_deviation_times_the_normal_density_at_zero() =>
        Assert.Equal(0.5 / Math.Sqrt(2 * Math.PI), ExpectedImprovement.Of(mean: 1, standardDeviation: 0.5, best: 1), 6);

    [Fact]
    public void A_lower_mean_has_a_higher_improvement() =>
        Assert.True(ExpectedImprovement.Of(0.5, 0.2, 1) > ExpectedImprovement.Of(0.9, 0.2, 1));

    [Fact]
    public void More_uncertainty_has_a_higher_improvement() =>
        Assert.True(ExpectedImprovement.Of(1.5, 0.6, 1) > ExpectedImprovement.Of(1.5, 0.1, 1));

    [Fact]
    public void Without_uncertainty_it_is_the_plain_improvement()
    {
        Assert.Equal(0.3, ExpectedImprovement.Of(0.7, 0, 1), 12);
        Assert.Equal(0.0, ExpectedImprovement.Of(1.2, 0, 1));
    }

    [Fact]
    public void The_normal_distribution_function_is_accurate()
    {
        Assert.Equal(0.5, ExpectedImprovement.NormalCdf(0), 6);
        Assert.Equal(0.975002, ExpectedImprovement.NormalCdf(1.96), 6);
        Assert.Equal(0.024998, ExpectedImprovement.NormalCdf(-1.96), 6);
    }

    [Fact]
    public void It_prefers_the_region_a_fitted_process_predicts_to_be_low()
    {
        double[][] points = [[0.0], [0.2], [0.45], [0.7], [1.0]];
        var scores = points.Select(p => (p[0] - 0.3) * (p[0] - 0.3)).ToArray();
        var process = new MarginalLikelihoodSearch(points, scores).Fit()!;
        var best = scores.Min();

        var promising = Improvement(process, 0.32, best);
        var poor = Improvement(process, 0.85, best);

        Assert.True(promising > poor, $"EI near the minimum {promising}, far from it {poor}");
    }

    private static double Improvement(GaussianProcess process, double x, double best)
    {
        var (mean, deviation) = process.Predict([x]);
        return ExpectedImprovement.Of(mean, deviation, best);
    }
}
