namespace Agents.Library.Health;

/// <summary>
/// The last values of one metric in a fixed-size sliding window (a ring buffer: memory is bounded by the window size
/// whatever the rate), with their statistics. The statistics are computed from the window when asked (a two-pass mean
/// and variance: exact, and no drift from adding and removing values).
/// </summary>
public sealed class RollingStatistics
{
    private readonly double[] _values;
    private int _start;
    private long _total;

    /// <summary>Creates an empty window of <paramref name="size"/> values.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is less than 1.</exception>
    public RollingStatistics(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _values = new double[size];
    }

    /// <summary>How many values the window holds.</summary>
    public int Count { get; private set; }

    /// <summary>How many values the window holds when full.</summary>
    public int Size => _values.Length;

    /// <summary>Adds <paramref name="value"/>; the oldest value leaves a full window.</summary>
    public void Add(double value)
    {
        if (Count < _values.Length)
        {
            _values[(_start + Count) % _values.Length] = value;
            Count++;
        }
        else
        {
            _values[_start] = value;
            _start = (_start + 1) % _values.Length;
        }

        _total++;
    }

    /// <summary>The window's values, oldest first (a copy).</summary>
    public double[] ToArray()
    {
        var copy = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            copy[i] = _values[(_start + i) % _values.Length];
        }

        return copy;
    }

    /// <summary>The statistics of the window now.</summary>
    public MetricStatistics Statistics()
    {
        if (Count == 0)
        {
            return new MetricStatistics(0, _total, 0, 0, 0, 0, 0);
        }

        var values = ToArray();
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var value in values)
        {
            sum += value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        var mean = sum / Count;
        double squares = 0;
        foreach (var value in values)
        {
            squares += (value - mean) * (value - mean);
        }

        var variance = Count > 1 ? squares / (Count - 1) : 0;
        return new MetricStatistics(Count, _total, mean, variance, min, max, values[^1]);
    }
}
