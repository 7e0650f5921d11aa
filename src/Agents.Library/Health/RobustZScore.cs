namespace Agents.Library.Health;

/// <summary>
/// The modified z-score of Iglewicz and Hoaglin: how far a value lies from the median of a history, in units of the
/// median absolute deviation (MAD): <c>z = 0.6745 (x − median) / MAD</c>. Unlike the mean and standard deviation, the
/// median and MAD hardly move for a few outliers in the history, which is why it suits short histories. Values with
/// <c>|z| &gt; </c><see cref="DefaultThreshold"/> are outliers.
/// </summary>
/// <remarks>
/// When more than half of the history is one value the MAD is 0; the mean absolute deviation scaled by 1.2533 (its
/// ratio to the standard deviation for normal data) takes its place. When that is 0 too (a constant history), any
/// other value is an outlier, with the score capped at <see cref="MaxScore"/> so that it stays a finite JSON number.
/// </remarks>
public static class RobustZScore
{
    /// <summary>The |z| above which a value is an outlier.</summary>
    /// <value>3.5, as Iglewicz and Hoaglin recommend.</value>
    public const double DefaultThreshold = 3.5;

    /// <summary>The largest |z| answered (a deviation from a constant history).</summary>
    /// <value>1e6.</value>
    public const double MaxScore = 1e6;

    /// <summary>The modified z-score of <paramref name="value"/> against <paramref name="history"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="history"/> is empty.</exception>
    public static double Score(IReadOnlyList<double> history, double value)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            throw new ArgumentException("A robust z-score needs at least one value of history.", nameof(history));
        }

        var median = Median([.. history]);
        var deviations = history.Select(h => Math.Abs(h - median)).ToArray();
        var mad = Median(deviations);
        double z;
        if (mad > 0)
        {
            z = 0.6745 * (value - median) / mad;
        }
        else
        {
            var meanDeviation = deviations.Average();
            z = meanDeviation > 0
                ? (value - median) / (1.2533 * meanDeviation)
                : value == median ? 0 : Math.Sign(value - median) * MaxScore;
        }

        return Math.Clamp(z, -MaxScore, MaxScore);
    }

    /// <summary>The median of <paramref name="values"/>; sorts the array in place.</summary>
    internal static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
