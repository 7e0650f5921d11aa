namespace Agents.Library.Optimization;

/// <summary>
/// Fits the Gaussian process's hyperparameters by maximizing the marginal likelihood: first over a grid of one
/// shared length scale and noise ratio, then by a coordinate search that scales each dimension's length scale (and
/// the noise ratio) up and down while the likelihood improves. Squared coordinate differences are computed once, so
/// each likelihood costs one n² correlation build and one Cholesky factorization.
/// </summary>
internal sealed class MarginalLikelihoodSearch
{
    private static readonly double[] s_gridScales = [0.05, 0.1, 0.2, 0.35, 0.6, 1.0, 1.7, 3.0];
    private static readonly double[] s_gridNoise = [1e-6, 1e-4, 1e-3, 1e-2, 0.05, 0.2];
    private static readonly double[] s_steps = [2.0, 1.4];
    private const double MinScale = 0.02;
    private const double MaxScale = 20;
    private const double MinNoise = 1e-7;
    private const double MaxNoise = 1;

    private readonly IReadOnlyList<double[]> _points;
    private readonly IReadOnlyList<double> _scores;
    private readonly double[] _standardized;
    private readonly double[] _differences;
    private readonly int _n;
    private readonly int _dimensions;

    /// <summary>Prepares the search over <paramref name="points"/> and their <paramref name="scores"/>.</summary>
    public MarginalLikelihoodSearch(IReadOnlyList<double[]> points, IReadOnlyList<double> scores)
    {
        _points = points;
        _scores = scores;
        _n = points.Count;
        _dimensions = _n == 0 ? 0 : points[0].Length;
        var (mean, scale) = GaussianProcess.Standardization(scores);
        _standardized = [.. scores.Select(s => (s - mean) / scale)];
        _differences = new double[_n * _n * _dimensions];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var offset = (i * _n + j) * _dimensions;
                for (var k = 0; k < _dimensions; k++)
                {
                    var d = points[i][k] - points[j][k];
                    _differences[offset + k] = d * d;
                }
            }
        }
    }

    /// <summary>The process with the best hyperparameters found; null when no correlation matrix could be factored.</summary>
    public GaussianProcess? Fit()
    {
        var best = default(KernelHyperparameters);
        var bestLikelihood = double.NegativeInfinity;
        foreach (var scale in s_gridScales)
        {
            foreach (var noise in s_gridNoise)
            {
                var candidate = new KernelHyperparameters(Enumerable.Repeat(scale, _dimensions).ToArray(), noise);
                var likelihood = LogLikelihood(candidate);
                if (likelihood > bestLikelihood)
                {
                    (best, bestLikelihood) = (candidate, likelihood);
                }
            }
        }

        if (best is null)
        {
            return null;
        }

        foreach (var step in s_steps)
        {
            for (var k = 0; k <= _dimensions; k++)
            {
                foreach (var factor in (double[])[step, 1 / step])
                {
                    var candidate = Scaled(best, k, factor);
                    var likelihood = LogLikelihood(candidate);
                    if (likelihood > bestLikelihood + 1e-9)
                    {
                        (best, bestLikelihood) = (candidate, likelihood);
                    }
                }
            }
        }

        return GaussianProcess.TryCreate(_points, _scores, best);
    }

    /// <summary>The profiled log marginal likelihood of <paramref name="hyperparameters"/>; −∞ when the matrix cannot be factored.</summary>
    public double LogLikelihood(KernelHyperparameters hyperparameters)
    {
        var inverse = hyperparameters.InverseSquaredScales();
        var correlation = new double[_n, _n];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var offset = (i * _n + j) * _dimensions;
                var sum = 0.0;
                for (var k = 0; k < _dimensions; k++)
                {
                    sum += _differences[offset + k] * inverse[k];
                }

                correlation[i, j] = MaternKernel.OfSquaredDistance(sum);
            }
        }

        return GaussianProcess.Solve(correlation, hyperparameters.NoiseRatio, _standardized) is { } fit ? fit.LogLikelihood : double.NegativeInfinity;
    }

    /// <summary>The hyperparameters with length scale <paramref name="index"/> (or the noise ratio, at index = dimensions) times <paramref name="factor"/>, within bounds.</summary>
    private KernelHyperparameters Scaled(KernelHyperparameters start, int index, double factor)
    {
        if (index == _dimensions)
        {
            return start with { NoiseRatio = Math.Clamp(start.NoiseRatio * factor, MinNoise, MaxNoise) };
        }

        var scales = (double[])start.LengthScales.Clone();
        scales[index] = Math.Clamp(scales[index] * factor, MinScale, MaxScale);
        return start with { LengthScales = scales };
    }
}
