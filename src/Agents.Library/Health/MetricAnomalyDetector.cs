namespace Agents.Library.Health;

/// <summary>
/// Judges each new value of one metric against the values before it in a sliding window: with the robust z-score
/// while the history is shorter than <see cref="PerformanceMonitorSettings.MinHistory"/>, with an
/// <see cref="IsolationForest"/> grown on the window after that (grown again every
/// <see cref="PerformanceMonitorSettings.RetrainEvery"/> values). Every value then joins the window, anomalies too,
/// so that a lasting change of level becomes the new normal.
/// </summary>
/// <remarks>
/// On one-dimensional values an isolation forest gives every value beyond the window's range the same score as the
/// window's most extreme value, however far beyond it lies, so the tails of ordinary noise score as high as a spike
/// (measured: the extremes of 256 normal values score about 0.75). The forest's verdict is therefore confirmed by the
/// robust z-score of the value against the same window: an anomaly is isolated (forest score above
/// <see cref="PerformanceMonitorSettings.Threshold"/>) and far from the bulk (|z| above
/// <see cref="PerformanceMonitorSettings.ZThreshold"/>). The forest still decides for values that are far from the
/// median but not isolated, such as those of a second mode of a metric that switches between two levels.
/// <para>On short histories the median absolute deviation is an unsteady estimate of the spread: ten values of normal
/// noise often lie within half their true spread, and ordinary values then score a robust z of 5 or 6 (measured). While
/// the robust z-score judges, a value is therefore flagged only when it is also beyond the z threshold in standard
/// deviations from the history's mean. A spike already in a short history widens that deviation and can hide the next
/// one until the forest takes over.</para>
/// </remarks>
public sealed class MetricAnomalyDetector
{
    /// <summary>The history below which no value is judged at all: too few values to say what is normal.</summary>
    /// <value>8: with fewer values the median absolute deviation is too unsteady (measured on normal noise, judging from 5 values flagged several times more ordinary values).</value>
    public const int MinimumHistory = 8;

    private readonly PerformanceMonitorSettings _settings;
    private readonly RollingStatistics _window;
    private IsolationForest? _forest;
    private int _sinceTraining;

    /// <summary>Creates the detector of one metric with <paramref name="settings"/>.</summary>
    public MetricAnomalyDetector(PerformanceMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _window = new RollingStatistics(settings.Window);
    }

    /// <summary>The rolling statistics of the metric's window.</summary>
    public MetricStatistics Statistics => _window.Statistics();

    /// <summary>Judges <paramref name="value"/> against the window, then adds it to the window.</summary>
    /// <returns>The verdict, or <see langword="null"/> while the history is shorter than <see cref="MinimumHistory"/>.</returns>
    public AnomalyVerdict? Observe(double value)
    {
        var verdict = Judge(value);
        _window.Add(value);
        _sinceTraining++;
        return verdict;
    }

    private AnomalyVerdict? Judge(double value)
    {
        var history = _window.Count;
        if (history < MinimumHistory)
        {
            return null;
        }

        if (history < _settings.MinHistory)
        {
            var values = _window.ToArray();
            var z = RobustZScore.Score(values, value);
            return new AnomalyVerdict(AnomalyVerdict.RobustZMethod, z, Math.Abs(z) > _settings.ZThreshold && FarByDeviation(values, value), history);
        }

        if (_forest is null || _sinceTraining >= _settings.RetrainEvery)
        {
            _forest = new IsolationForest(_window.ToArray(), _settings.Trees, _settings.Subsample, _settings.Seed);
            _sinceTraining = 0;
        }

        var score = _forest.Score(value);
        var isolated = score > _settings.Threshold && Math.Abs(RobustZScore.Score(_window.ToArray(), value)) > _settings.ZThreshold;
        return new AnomalyVerdict(AnomalyVerdict.IsolationForestMethod, score, isolated, history);
    }

    /// <summary>Whether <paramref name="value"/> lies more than the z threshold of standard deviations from the history's mean.</summary>
    private bool FarByDeviation(double[] history, double value)
    {
        var mean = history.Average();
        var variance = history.Sum(h => (h - mean) * (h - mean)) / (history.Length - 1);
        return variance == 0 ? value != mean : Math.Abs(value - mean) / Math.Sqrt(variance) > _settings.ZThreshold;
    }
}
