namespace Agents.Library.Health;

/// <summary>
/// An Isolation Forest (Liu, Ting and Zhou, 2008) over one-dimensional values: <see cref="Trees"/> random trees, each
/// grown on a subsample drawn without replacement, isolate values by random splits. The anomaly score of a value is
/// <c>s(x) = 2^(−E[h(x)] / c(ψ))</c>, with <c>E[h(x)]</c> its mean path length over the trees and <c>c(ψ)</c> the
/// average path length of an unsuccessful search in a binary search tree of the subsample size ψ. Scores near 1 are
/// anomalies, around 0.5 and below are ordinary. Seeded: the same values and seed give the same forest.
/// </summary>
public sealed class IsolationForest
{
    /// <summary>The number of trees when not given.</summary>
    /// <value>100, as in the paper (path lengths converge well before).</value>
    public const int DefaultTrees = 100;

    /// <summary>The subsample size when not given.</summary>
    /// <value>256, as in the paper.</value>
    public const int DefaultSubsample = 256;

    /// <summary>The score above which the performance monitor calls a value an anomaly when its settings do not say.</summary>
    /// <value>0.65: most values of a steady metric score about 0.4 to 0.6; the extremes of the window score higher (see <see cref="MetricAnomalyDetector"/>).</value>
    public const double DefaultThreshold = 0.65;

    private const double EulerGamma = 0.5772156649015329;

    private readonly IsolationTree[] _trees;
    private readonly double _normalizer;

    /// <summary>Grows the forest over <paramref name="values"/>.</summary>
    /// <param name="values">The training values; at least one.</param>
    /// <param name="trees">How many trees; at least 1.</param>
    /// <param name="subsample">How many values each tree is grown on (fewer when there are fewer values); at least 2.</param>
    /// <param name="seed">The seed of the random subsamples and splits.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty, or a count is out of range.</exception>
    public IsolationForest(IReadOnlyList<double> values, int trees = DefaultTrees, int subsample = DefaultSubsample, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(trees, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(subsample, 2);
        if (values.Count == 0)
        {
            throw new ArgumentException("An isolation forest needs at least one value to train on.", nameof(values));
        }

        var random = new Random(seed);
        SampleSize = Math.Min(subsample, values.Count);
        var heightLimit = (int)Math.Ceiling(Math.Log2(Math.Max(2, SampleSize)));
        var pool = values.ToArray();
        _trees = new IsolationTree[trees];
        for (var t = 0; t < trees; t++)
        {
            // A partial Fisher–Yates shuffle draws the subsample without replacement into the front of the pool.
            for (var i = 0; i < SampleSize; i++)
            {
                var j = random.Next(i, pool.Length);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }

            _trees[t] = new IsolationTree(pool[..SampleSize], heightLimit, random);
        }

        _normalizer = AveragePathLength(SampleSize);
    }

    /// <summary>How many trees the forest has.</summary>
    public int Trees => _trees.Length;

    /// <summary>How many values each tree was grown on.</summary>
    public int SampleSize { get; }

    /// <summary>
    /// <c>c(n)</c>: the average path length of an unsuccessful search in a binary search tree of <paramref name="n"/>
    /// values, <c>2 H(n − 1) − 2 (n − 1) / n</c> with the harmonic number <c>H(i) ≈ ln i + γ</c>; 1 for two values, 0 for fewer.
    /// </summary>
    public static double AveragePathLength(int n) => n switch
    {
        <= 1 => 0,
        2 => 1,
        _ => (2 * (Math.Log(n - 1) + EulerGamma)) - (2.0 * (n - 1) / n),
    };

    /// <summary>The anomaly score of <paramref name="value"/>, between 0 and 1.</summary>
    public double Score(double value)
    {
        if (_normalizer == 0)
        {
            return 0.5;
        }

        double total = 0;
        foreach (var tree in _trees)
        {
            total += tree.PathLength(value);
        }

        return Math.Pow(2, -(total / _trees.Length) / _normalizer);
    }
}
