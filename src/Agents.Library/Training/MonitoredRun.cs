namespace Agents.Library.Training;

/// <summary>
/// What the convergence monitor knows of one run, rebuilt from its events: the first training loss, the checks so
/// far (best validation loss and its epoch, checks without improvement, the latest checks for plateau detection) and
/// the decisions taken.
/// </summary>
internal sealed class MonitoredRun(string runId)
{
    private readonly List<double> _recent = [];
    private readonly HashSet<string> _decided = new(StringComparer.Ordinal);

    public string RunId { get; } = runId;

    /// <summary>The first finite training loss seen; <see langword="null"/> before.</summary>
    public double? BaselineLoss { get; private set; }

    /// <summary>The latest check epoch; 0 before the first check.</summary>
    public int LastCheckedEpoch { get; private set; }

    /// <summary>The lowest validation loss of the checks; NaN before the first finite one.</summary>
    public double BestValidationLoss { get; private set; } = double.NaN;

    /// <summary>The check epoch of <see cref="BestValidationLoss"/>.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>How many checks in a row did not improve on the best.</summary>
    public int ChecksWithoutImprovement { get; private set; }

    /// <summary>Whether a decision stopped the run: the monitor ignores its later epochs.</summary>
    public bool Ended { get; private set; }

    /// <summary>Whether a decision was published on <paramref name="topic"/> for this run.</summary>
    public bool HasDecided(string topic) => _decided.Contains(topic);

    public void Apply(MonitoredRunBaseline baseline) => BaselineLoss ??= baseline.TrainingLoss;

    /// <summary>Counts a check: an improvement (lower than the best by more than <c>min-delta</c>) resets the patience counter.</summary>
    public void Apply(ValidationChecked check, ConvergenceMonitorSettings settings)
    {
        LastCheckedEpoch = check.Epoch;
        var loss = check.ValidationLoss;
        if (double.IsNaN(BestValidationLoss) || BestValidationLoss - loss > settings.MinDelta)
        {
            BestValidationLoss = loss;
            BestEpoch = check.Epoch;
            ChecksWithoutImprovement = 0;
        }
        else
        {
            ChecksWithoutImprovement++;
        }

        _recent.Add(loss);
        if (_recent.Count > settings.PlateauWindow)
        {
            _recent.RemoveAt(0);
        }
    }

    public void Apply(TrainingDecision decision)
    {
        _decided.Add(decision.Topic);
        Ended |= decision.EndsRun;
    }

    /// <summary>Whether patience ran out: <c>patience</c> checks in a row without improvement.</summary>
    public bool PatienceExhausted(ConvergenceMonitorSettings settings) => ChecksWithoutImprovement >= settings.Patience;

    /// <summary>
    /// Whether the latest <c>plateau-window</c> checks form a plateau: their spread (max − min) relative to the
    /// lowest is below <c>tolerance</c>, and the latest is not worse than the first of them.
    /// </summary>
    public bool OnPlateau(ConvergenceMonitorSettings settings)
    {
        if (_recent.Count < settings.PlateauWindow)
        {
            return false;
        }

        var min = _recent.Min();
        var max = _recent.Max();
        return min > 0 && (max - min) / min < settings.Tolerance && _recent[^1] <= _recent[0];
    }
}
