namespace Agents.Node.Metrics;

/// <summary>
/// The running aggregate of one instrument and one tag set: a sum (counters, up-down counters, gauges) or a
/// histogram (bucket counts, sum, count). Measurements arrive from any thread.
/// </summary>
internal sealed class MetricSeries(KeyValuePair<string, object?>[] tags, double[]? bounds)
{
    private readonly Lock _lock = new();
    private readonly long[]? _buckets = bounds is null ? null : new long[bounds.Length + 1];
    private double _sum;
    private long _count;

    public KeyValuePair<string, object?>[] Tags { get; } = tags;

    public double[]? Bounds { get; } = bounds;

    public void Add(double value)
    {
        lock (_lock)
        {
            _sum += value;
            _count++;
            if (_buckets is not null)
            {
                var index = Array.BinarySearch(Bounds!, value);
                _buckets[index >= 0 ? index : ~index]++;
            }
        }
    }

    public void Set(double value)
    {
        lock (_lock)
        {
            _sum = value;
        }
    }

    /// <summary>A consistent copy: the sum, the count and the non-cumulative bucket counts.</summary>
    public (double Sum, long Count, long[] Buckets) Read()
    {
        lock (_lock)
        {
            return (_sum, _count, _buckets is null ? [] : (long[])_buckets.Clone());
        }
    }
}
