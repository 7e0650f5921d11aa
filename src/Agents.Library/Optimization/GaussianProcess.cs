namespace Agents.Library.Optimization;

/// <summary>
/// A Gaussian process regression of scores over unit-cube points: constant mean (the mean score), Matérn 5/2
/// correlation with per-dimension length scales, a noise nugget, and the signal variance at its maximum-likelihood
/// value. Scores are standardized inside; predictions come back in score units.
/// </summary>
internal sealed class GaussianProcess
{
    private const double Jitter = 1e-9;

    private readonly double[][] _points;
    private readonly double[] _inverseSquaredScales;
    private readonly CholeskyFactor _factor;
    private readonly double[] _weights;
    private readonly double _mean;
    private readonly double _scale;

    private GaussianProcess(
        double[][] points, KernelHyperparameters hyperparameters, CholeskyFactor factor, double[] weights, double signalVariance,
        double mean, double scale, double logLikelihood)
    {
        _points = points;
        Hyperparameters = hyperparameters;
        _inverseSquaredScales = hyperparameters.InverseSquaredScales();
        _factor = factor;
        _weights = weights;
        SignalVariance = signalVariance;
        _mean = mean;
        _scale = scale;
        LogMarginalLikelihood = logLikelihood;
    }

    /// <summary>The hyperparameters it was built with.</summary>
    public KernelHyperparameters Hyperparameters { get; }

    /// <summary>The maximum-likelihood signal variance of the standardized scores.</summary>
    public double SignalVariance { get; }

    /// <summary>The log marginal likelihood of the standardized scores (without the constant −n/2·log 2π), signal variance profiled out.</summary>
    public double LogMarginalLikelihood { get; }

    /// <summary>The number of points it was fitted to.</summary>
    public int Count => _points.Length;

    /// <summary>
    /// The process through <paramref name="points"/> and <paramref name="scores"/> with <paramref name="hyperparameters"/>,
    /// standardizing scores with their own mean and spread.
    /// </summary>
    /// <returns>Null when the correlation matrix is not positive definite even with jitter.</returns>
    public static GaussianProcess? TryCreate(IReadOnlyList<double[]> points, IReadOnlyList<double> scores, KernelHyperparameters hyperparameters)
    {
        var (mean, scale) = Standardization(scores);
        return TryCreate(points, scores, hyperparameters, mean, scale);
    }

    /// <summary>The process through the given data with a given standardization (used to add fantasized points to a fitted process).</summary>
    public static GaussianProcess? TryCreate(
        IReadOnlyList<double[]> points, IReadOnlyList<double> scores, KernelHyperparameters hyperparameters, double mean, double scale)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        var n = points.Count;
        var inverse = hyperparameters.InverseSquaredScales();
        var correlation = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                correlation[i, j] = MaternKernel.Correlation(points[i], points[j], inverse);
            }

            correlation[i, i] = 1;
        }

        var standardized = new double[n];
        for (var i = 0; i < n; i++)
        {
            standardized[i] = (scores[i] - mean) / scale;
        }

        var fit = Solve(correlation, hyperparameters.NoiseRatio, standardized);
        return fit is { } f
            ? new GaussianProcess([.. points], hyperparameters, f.Factor, f.Weights, f.SignalVariance, mean, scale, f.LogLikelihood)
            : null;
    }

    /// <summary>The mean and spread scores are standardized with: their mean and standard deviation (1 when they are all equal).</summary>
    public static (double Mean, double Scale) Standardization(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return (0, 1);
        }

        var mean = scores.Average();
        var variance = scores.Sum(s => (s - mean) * (s - mean)) / scores.Count;
        var scale = Math.Sqrt(variance);
        return (mean, scale > 1e-12 ? scale : 1);
    }

    /// <summary>
    /// Factors R = C + (noise + jitter)·I and returns its factor, R⁻¹y, the profiled signal variance and the log
    /// likelihood; null when R cannot be factored even with growing jitter.
    /// </summary>
    internal static (CholeskyFactor Factor, double[] Weights, double SignalVariance, double LogLikelihood)? Solve(
        double[,] correlation, double noiseRatio, double[] standardized)
    {
        var n = standardized.Length;
        for (var jitter = Jitter; jitter < 1e-2; jitter *= 100)
        {
            var matrix = (double[,])correlation.Clone();
            for (var i = 0; i < n; i++)
            {
                matrix[i, i] = 1 + noiseRatio + jitter;
            }

            if (CholeskyFactor.TryFactor(matrix) is not { } factor)
            {
                continue;
            }

            var weights = factor.Solve(standardized);
            var quadratic = 0.0;
            for (var i = 0; i < n; i++)
            {
                quadratic += standardized[i] * weights[i];
            }

            var signal = Math.Max(quadratic / n, 1e-12);
            var logLikelihood = -0.5 * n * Math.Log(signal) - 0.5 * factor.LogDeterminant - 0.5 * n;
            return (factor, weights, signal, logLikelihood);
        }

        return null;
    }

    /// <summary>The posterior mean and standard deviation of the (noise-free) score at <paramref name="point"/>, in score units.</summary>
    public (double Mean, double StandardDeviation) Predict(ReadOnlySpan<double> point)
    {
        var n = _points.Length;
        Span<double> correlations = n <= 256 ? stackalloc double[n] : new double[n];
        var mean = 0.0;
        for (var i = 0; i < n; i++)
        {
            correlations[i] = MaternKernel.Correlation(point, _points[i], _inverseSquaredScales);
            mean += correlations[i] * _weights[i];
        }

        var v = _factor.SolveLower(correlations);
        var explained = 0.0;
        for (var i = 0; i < n; i++)
        {
            explained += v[i] * v[i];
        }

        var variance = SignalVariance * Math.Max(1 - explained, 1e-12);
        return (_mean + _scale * mean, _scale * Math.Sqrt(variance));
    }

    /// <summary>
    /// The process with <paramref name="points"/> added at <paramref name="scores"/>, keeping the hyperparameters and the
    /// standardization: how pending and failed trials are fantasized so that the next proposal looks elsewhere.
    /// </summary>
    public GaussianProcess WithFantasies(IReadOnlyList<double[]> points, IReadOnlyList<double> scores, IReadOnlyList<double[]> fantasyPoints, IReadOnlyList<double> fantasyScores)
    {
        if (fantasyPoints.Count == 0)
        {
            return this;
        }

        return TryCreate([.. points, .. fantasyPoints], [.. scores, .. fantasyScores], Hyperparameters, _mean, _scale) ?? this;
    }
}
