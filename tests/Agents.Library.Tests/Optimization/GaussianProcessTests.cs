using Agents.Library.Optimization;

namespace Agents.Library.Tests.Optimization;

public sealed class GaussianProcessTests
{
    private static readonly double[][] s_points = [[0.1], [0.3], [0.5], [0.7], [0.9]];
    private static readonly double[] s_scores = [.. s_points.Select(p => Math.Sin(6 * p[0]))];
    private static readonly KernelHyperparameters s_smooth = new([0.3], 1e-8);

    [Fact]
    public void The_posterior_mean_interpolates_noise_free_observations()
    {
        var process = GaussianProcess.TryCreate(s_points, s_scores, s_smooth)!;

        for (var i = 0; i < s_points.Length; i++)
        {
            Assert.Equal(s_scores[i], process.Predict(s_points[i]).Mean, 4);
        }
    }

    [Fact]
    public void The_posterior_deviation_shrinks_near_observations()
    {
        var process = GaussianProcess.TryCreate(s_points, s_scores, s_smooth)!;

        var at = process.Predict([0.5]).StandardDeviation;
        var near = process.Predict([0.55]).StandardDeviation;
        var far = process.Predict([2.0]).StandardDeviation;

        Assert.True(at < 1e-3, $"deviation at an observation: {at}");
        Assert.True(at < near && near < far, $"{at} < {near} < {far}");
    }

    [Fact]
    public void The_fitted_noise_is_larger_for_noisy_scores_than_for_smooth_ones()
    {
        var random = new Random(3);
        var points = Enumerable.Range(0, 30).Select(_ => new[] { random.NextDouble() }).ToArray();
        var smooth = points.Select(p => Math.Sin(6 * p[0])).ToArray();
        var noisy = smooth.Select(s => s + 0.5 * (random.NextDouble() - 0.5) * 2).ToArray();

        var smoothFit = new MarginalLikelihoodSearch(points, smooth).Fit()!;
        var noisyFit = new MarginalLikelihoodSearch(points, noisy).Fit()!;

        Assert.True(noisyFit.Hyperparameters.NoiseRatio > 10 * smoothFit.Hyperparameters.NoiseRatio,
            $"noise ratio noisy {noisyFit.Hyperparameters.NoiseRatio} vs smooth {smoothFit.Hyperparameters.NoiseRatio}");
    }

    [Fact]
    public void The_fit_has_a_higher_likelihood_than_a_poor_length_scale()
    {
        var search = new MarginalLikelihoodSearch(s_points, s_scores);

        var fitted = search.Fit()!;

        Assert.True(fitted.LogMarginalLikelihood > search.LogLikelihood(new KernelHyperparameters([0.02], 1e-6)));
    }

    [Fact]
    public void A_cholesky_factor_solves_its_system()
    {
        var matrix = new double[,] { { 4, 2, 0.4 }, { 2, 5, 1 }, { 0.4, 1, 3 } };
        var factor = CholeskyFactor.TryFactor(matrix)!;

        var x = factor.Solve([1.0, 2.0, 3.0]);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(i + 1.0, (matrix[i, 0] * x[0]) + (matrix[i, 1] * x[1]) + (matrix[i, 2] * x[2]), 10);
        }
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_has_no_factor() =>
        Assert.Null(CholeskyFactor.TryFactor(new double[,] { { 1, 2 }, { 2, 1 } }));
}
