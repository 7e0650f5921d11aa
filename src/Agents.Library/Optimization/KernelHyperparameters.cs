namespace Agents.Library.Optimization;

/// <summary>
/// The hyperparameters of the Gaussian process on standardized scores: a length scale per unit-cube dimension and
/// the noise variance relative to the signal variance. The signal variance itself is not searched: for given length
/// scales and noise ratio its maximum-likelihood value has a closed form (yᵀR⁻¹y / n).
/// </summary>
/// <param name="LengthScales">One length scale per dimension, in unit-cube units.</param>
/// <param name="NoiseRatio">Noise variance over signal variance; the nugget that absorbs noisy scores.</param>
internal sealed record KernelHyperparameters(double[] LengthScales, double NoiseRatio)
{
    /// <summary>1/ℓᵢ² per dimension, what <see cref="MaternKernel.Correlation"/> takes.</summary>
    public double[] InverseSquaredScales() => [.. LengthScales.Select(l => 1 / (l * l))];
}
