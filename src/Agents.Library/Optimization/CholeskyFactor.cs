namespace Agents.Library.Optimization;

/// <summary>
/// The lower-triangular Cholesky factor L of a symmetric positive definite matrix A = L·Lᵀ, and the solves the
/// Gaussian process needs. Small dense matrices only (one row per trial), so a plain O(n³) factorization.
/// </summary>
internal sealed class CholeskyFactor
{
    private readonly double[,] _lower;

    private CholeskyFactor(double[,] lower)
    {
        _lower = lower;
    }

    /// <summary>The matrix order.</summary>
    public int Size => _lower.GetLength(0);

    /// <summary>log det A = 2·Σ log Lᵢᵢ.</summary>
    public double LogDeterminant
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < Size; i++)
            {
                sum += Math.Log(_lower[i, i]);
            }

            return 2 * sum;
        }
    }

    /// <summary>Factors <paramref name="matrix"/> (only its lower triangle is read); null when it is not positive definite.</summary>
    public static CholeskyFactor? TryFactor(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var lower = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return null;
                    }

                    lower[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[i, j] = sum / lower[j, j];
                }
            }
        }

        return new CholeskyFactor(lower);
    }

    /// <summary>Solves L·x = b (forward substitution).</summary>
    public double[] SolveLower(ReadOnlySpan<double> b)
    {
        var n = Size;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= _lower[i, k] * x[k];
            }

            x[i] = sum / _lower[i, i];
        }

        return x;
    }

    /// <summary>Solves A·x = b, that is L·Lᵀ·x = b.</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        var y = SolveLower(b);
        var n = Size;
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= _lower[k, i] * y[k];
            }

            y[i] = sum / _lower[i, i];
        }

        return y;
    }
}
