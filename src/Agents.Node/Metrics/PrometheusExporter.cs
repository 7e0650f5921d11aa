using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Agents.Node.Metrics;

/// <summary>
/// Listens to the <c>Agents.*</c> meters of this process (<see cref="System.Diagnostics.Metrics"/>) and renders
/// what they measured in the Prometheus text exposition format (version 0.0.4): counters as <c>name_total</c>,
/// up-down counters and gauges as gauges, histograms as cumulative <c>_bucket{le=...}</c> lines with <c>_sum</c>
/// and <c>_count</c>. Names are sanitized (<c>agents.actors.messages.processed</c> becomes
/// <c>agents_actors_messages_processed_total</c>); the meter's tags and the measurement's tags become labels.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>The content type of the exposition format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Histogram bucket bounds used when an instrument gives no advice of its own.</summary>
    public static IReadOnlyList<double> DefaultBuckets { get; } = [0, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _instruments = new();

    /// <summary>Starts listening to every <c>Agents.*</c> meter, including those created later.</summary>
    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("Agents.", StringComparison.Ordinal) || instrument.Meter.Name == "Agents")
            {
                var state = _instruments.GetOrAdd(instrument, static i => new InstrumentState(i));
                listener.EnableMeasurementEvents(instrument, state);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentState? _);
        _listener.SetMeasurementEventCallback<int>(static (i, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (i, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (i, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (i, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (i, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (i, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (i, value, tags, state) => ((InstrumentState)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments and renders every series.</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var group in _instruments.Values
                     .GroupBy(state => state.Name, StringComparer.Ordinal)
                     .OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            if (first.Description is { Length: > 0 } description)
            {
                text.Append("# HELP ").Append(group.Key).Append(' ').AppendLine(EscapeHelp(description));
            }

            text.Append("# TYPE ").Append(group.Key).Append(' ').AppendLine(first.Type);
            foreach (var state in group)
            {
                state.Render(text);
            }
        }

        return text.ToString();
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();

    /// <summary>A Prometheus metric or label name: letters, digits and '_' (':' too for metrics), not starting with a digit.</summary>
    public static string Sanitize(string name, bool allowColon = true)
    {
        var result = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            result.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        if (result.Length == 0 || char.IsAsciiDigit(result[0]))
        {
            result.Insert(0, '_');
        }

        return result.ToString();
    }

    internal static string FormatValue(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static string EscapeHelp(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void AppendLabels(StringBuilder text, KeyValuePair<string, object?>[] tags, string? le = null)
    {
        if (tags.Length == 0 && le is null)
        {
            return;
        }

        text.Append('{');
        var first = true;
        foreach (var (key, value) in tags)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            text.Append(Sanitize(key, allowColon: false)).Append("=\"")
                .Append(EscapeLabel(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")).Append('"');
        }

        if (le is not null)
        {
            text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
        }

        text.Append('}');
    }

    private sealed class InstrumentState
    {
        private readonly KeyValuePair<string, object?>[] _meterTags;
        private readonly ConcurrentDictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);
        private readonly double[]? _bounds;
        private readonly bool _isSum;
        private MetricSeries? _untagged;

        public InstrumentState(Instrument instrument)
        {
            _meterTags = [.. instrument.Meter.Tags ?? []];
            Description = instrument.Description;
            var baseName = Sanitize(instrument.Name);
            var kind = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
            if (kind == typeof(Counter<>) || kind == typeof(ObservableCounter<>))
            {
                Type = "counter";
                Name = baseName.EndsWith("_total", StringComparison.Ordinal) ? baseName : baseName + "_total";
                _isSum = kind == typeof(Counter<>);
            }
            else if (kind == typeof(Histogram<>))
            {
                Type = "histogram";
                Name = baseName;
                _bounds = AdvisedBounds(instrument) ?? [.. DefaultBuckets];
            }
            else
            {
                Type = "gauge";
                Name = baseName;
                _isSum = kind == typeof(UpDownCounter<>);
            }
        }

        public string Name { get; }

        public string Type { get; }

        public string? Description { get; }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var series = tags.Length == 0 ? Untagged() : Series(tags);
            if (_bounds is not null || _isSum)
            {
                series.Add(value);
            }
            else
            {
                series.Set(value);
            }
        }

        public void Render(StringBuilder text)
        {
            // An instrument that has measured nothing yet still shows, at zero, so that dashboards find it.
            var all = _series.IsEmpty ? [Untagged()] : (_untagged is { } untagged ? [untagged] : Enumerable.Empty<MetricSeries>()).Concat(_series.Values);
            foreach (var series in all)
            {
                var (sum, count, buckets) = series.Read();
                if (series.Bounds is not { } bounds)
                {
                    text.Append(Name);
                    AppendLabels(text, series.Tags);
                    text.Append(' ').AppendLine(FormatValue(sum));
                    continue;
                }

                long cumulative = 0;
                for (var i = 0; i <= bounds.Length; i++)
                {
                    cumulative += buckets[i];
                    text.Append(Name).Append("_bucket");
                    AppendLabels(text, series.Tags, i < bounds.Length ? FormatValue(bounds[i]) : "+Inf");
                    text.Append(' ').AppendLine(cumulative.ToString(CultureInfo.InvariantCulture));
                }

                text.Append(Name).Append("_sum");
                AppendLabels(text, series.Tags);
                text.Append(' ').AppendLine(FormatValue(sum));
                text.Append(Name).Append("_count");
                AppendLabels(text, series.Tags);
                text.Append(' ').AppendLine(count.ToString(CultureInfo.InvariantCulture));
            }
        }

        private MetricSeries Series(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var sorted = tags.ToArray();
            Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            var key = string.Join('\u001f', sorted.Select(tag => $"{tag.Key}\u001e{tag.Value}"));
            return _series.GetOrAdd(key, static (_, state) => state.Owner.Create(state.Tags), (Owner: this, Tags: sorted));
        }

        private MetricSeries Untagged()
        {
            if (Volatile.Read(ref _untagged) is { } existing)
            {
                return existing;
            }

            return Interlocked.CompareExchange(ref _untagged, Create([]), null) ?? _untagged!;
        }

        private MetricSeries Create(KeyValuePair<string, object?>[] tags) =>
            new([.. _meterTags, .. tags], _bounds is null ? null : (double[])_bounds.Clone());

        private static double[]? AdvisedBounds(Instrument instrument) => instrument switch
        {
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
            _ => null,
        };
    }
}
