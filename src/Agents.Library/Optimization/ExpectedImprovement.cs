namespace Agents.Library.Optimization;

/// <summary>
/// Expected improvement below the best score so far (minimization): E[max(best − f(x), 0)] under the Gaussian
/// posterior N(μ, σ²) = (best − μ)·Φ(z) + σ·φ(z), z = (best − μ)/σ. Large where the mean is low (exploitation) or
/// the uncertainty is high (exploration).
/// </summary>
internal static class ExpectedImprovement
{
    private static readonly double s_inverseSqrt2Pi = 1 / Math.Sqrt(2 * Math.PI);

    /// <summary>The expected improvement of a posterior with <paramref name="mean"/> and <paramref name="standardDeviation"/> over <paramref name="best"/>.</summary>
    public static double Of(double mean, double standardDeviation, double best)
    {
        var improvement = best - mean;
        if (!(standardDeviation > 1e-12))
        {
            return Math.Max(improvement, 0);
        }

        var z = improvement / standardDeviation;
        return Math.Max(improvement * NormalCdf(z) + standardDeviation * NormalPdf(z), 0);
    }

    /// <summary>The standard normal density.</summary>
    public static double NormalPdf(double z) => s_inverseSqrt2Pi * Math.Exp(-0.5 * z * z);

    /// <summary>The standard normal distribution function, through erfc.</summary>
    public static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>The complementary error function (Chebyshev fit, fractional error below 1.2e-7 everywhere).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
