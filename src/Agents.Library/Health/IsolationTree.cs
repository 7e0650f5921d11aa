namespace Agents.Library.Health;

/// <summary>
/// One tree of an <see cref="IsolationForest"/> over one-dimensional values: each inner node splits its values at a
/// point drawn uniformly between their minimum and maximum, until a node holds one value, only equal values, or the
/// height limit is reached. Outliers end up alone after few splits, so their paths are short.
/// </summary>
internal sealed class IsolationTree
{
    private readonly Node _root;

    /// <summary>Grows a tree over <paramref name="values"/> (reordered in place) with splits from <paramref name="random"/>.</summary>
    public IsolationTree(double[] values, int heightLimit, Random random)
    {
        _root = Grow(values, 0, values.Length, 0, heightLimit, random);
    }

    /// <summary>The path length of <paramref name="value"/>: its depth, plus the expected depth of the values left in its leaf.</summary>
    public double PathLength(double value)
    {
        var node = _root;
        var depth = 0;
        while (node.Left is not null && node.Right is not null)
        {
            node = value < node.Split ? node.Left : node.Right;
            depth++;
        }

        return depth + IsolationForest.AveragePathLength(node.Size);
    }

    private static Node Grow(double[] values, int start, int end, int depth, int heightLimit, Random random)
    {
        var size = end - start;
        if (size <= 1 || depth >= heightLimit)
        {
            return new Node(size);
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = start; i < end; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        if (min == max)
        {
            return new Node(size);
        }

        var split = min + (random.NextDouble() * (max - min));
        if (split <= min)
        {
            split = max;
        }

        // Partition in place: values below the split first.
        var middle = start;
        for (var i = start; i < end; i++)
        {
            if (values[i] < split)
            {
                (values[i], values[middle]) = (values[middle], values[i]);
                middle++;
            }
        }

        return new Node(size, split,
            Grow(values, start, middle, depth + 1, heightLimit, random),
            Grow(values, middle, end, depth + 1, heightLimit, random));
    }

    /// <summary>A node: a leaf holds <see cref="Size"/> values; an inner node splits at <see cref="Split"/>.</summary>
    private sealed record Node(int Size, double Split = 0, Node? Left = null, Node? Right = null);
}
