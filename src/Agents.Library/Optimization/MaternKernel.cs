namespace Agents.Library.Optimization;

/// <summary>
/// The Matérn 5/2 correlation with one length scale per dimension (automatic relevance determination):
/// k(r) = (1 + √5·r + 5r²/3)·exp(−√5·r), r² = Σ ((aᵢ − bᵢ)/ℓᵢ)². Twice differentiable, so less smooth than the
/// squared exponential, which suits the response surfaces of training runs (the usual choice in Bayesian optimization).
/// </summary>
internal static class MaternKernel
{
    private static readonly double s_sqrt5 = Math.Sqrt(5);

    /// <summary>The correlation at the scaled distance whose square is <paramref name="squaredDistance"/>.</summary>
    public static double OfSquaredDistance(double squaredDistance)
    {
        var r = Math.Sqrt(squaredDistance);
        return (1 + s_sqrt5 * r + 5.0 / 3.0 * squaredDistance) * Math.Exp(-s_sqrt5 * r);
    }

    /// <summary>The correlation of points <paramref name="a"/> and <paramref name="b"/> with the inverse squared length scales <paramref name="inverseSquaredScales"/>.</summary>
    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> inverseSquaredScales)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d * inverseSquaredScales[i];
        }

        return OfSquaredDistance(sum);
    }
}
