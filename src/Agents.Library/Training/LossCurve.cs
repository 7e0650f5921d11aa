namespace Agents.Library.Training;

/// <summary>
/// The seeded loss curve of a simulated training run: a pure function of the epoch, so that a restarted run
/// reproduces the epochs it already ran and continues the same curve. Both losses fall exponentially from
/// <see cref="InitialLoss"/> towards their floors (which drift down slowly), with multiplicative Gaussian noise; an
/// overfitting curve adds a validation loss that grows linearly after <see cref="OverfitFrom"/>, a diverging one
/// multiplies the losses by <see cref="Growth"/> per epoch after <see cref="DivergeFrom"/> until they pass
/// <see cref="NotANumberAbove"/> and become NaN.
/// </summary>
/// <param name="Epochs">The run's maximum number of epochs (the time scale of drift and overfitting).</param>
/// <param name="Seed">The seed of the noise.</param>
/// <param name="InitialLoss">The loss before training.</param>
/// <param name="TrainingFloor">The training loss the curve settles towards.</param>
/// <param name="ValidationFloor">The validation loss the curve settles towards.</param>
/// <param name="DecayEpochs">The time constant of the fall, in epochs.</param>
/// <param name="Drift">How much the floors fall over all <paramref name="Epochs"/>, as a fraction.</param>
/// <param name="Noise">The standard deviation of the multiplicative noise of the validation loss.</param>
/// <param name="OverfitFrom">The epoch after which validation loss grows; <see langword="null"/> for none.</param>
/// <param name="OverfitStrength">How much validation loss grows over all epochs, as a multiple of its floor.</param>
/// <param name="DivergeFrom">The epoch after which the losses grow geometrically; <see langword="null"/> for none.</param>
/// <param name="Growth">The factor the losses grow by per epoch once diverging.</param>
internal sealed record LossCurve(
    int Epochs, int Seed, double InitialLoss, double TrainingFloor, double ValidationFloor, double DecayEpochs, double Drift,
    double Noise, int? OverfitFrom = null, double OverfitStrength = 0, int? DivergeFrom = null, double Growth = 1)
{
    /// <summary>A loss above this is reported as NaN, as a float overflow in a real job would be.</summary>
    public const double NotANumberAbove = 1e4;

    /// <summary>The curve of <paramref name="profile"/> over <paramref name="epochs"/> epochs.</summary>
    public static LossCurve For(TrainingProfile profile, int epochs, int seed) => profile switch
    {
        TrainingProfile.Converges => new LossCurve(epochs, seed, 2.3, 0.22, 0.3, epochs / 15.0, Drift: 0.03, Noise: 0.002),
        TrainingProfile.Overfits => new LossCurve(
            epochs, seed, 2.3, 0.1, 0.35, epochs / 15.0, Drift: 0.1, Noise: 0.01,
            OverfitFrom: Math.Max(2, (int)Math.Round(epochs * 0.3)), OverfitStrength: 1.2),
        TrainingProfile.Diverges => new LossCurve(
            epochs, seed, 2.3, 0.3, 0.4, epochs / 10.0, Drift: 0, Noise: 0.02,
            DivergeFrom: Math.Max(3, (int)Math.Round(epochs * 0.1)), Growth: 2.2),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown training profile."),
    };

    /// <summary>
    /// The curve of an optimizer trial: its validation floor is 0.25 plus the parameters'
    /// <see cref="TrainingParameters.Penalty"/> plus a little seeded noise; a small learning rate also slows the fall,
    /// a too large one diverges, a too small dropout overfits.
    /// </summary>
    public static LossCurve For(TrainingParameters parameters, int epochs, int seed)
    {
        var offset = 0.005 * Gaussian(new Random(seed));
        var validationFloor = 0.25 + parameters.Penalty + offset;
        var speed = Math.Clamp(Math.Sqrt(TrainingParameters.BestLearningRate / parameters.LearningRate), 0.5, 6);
        var overfits = parameters.Dropout < TrainingParameters.OverfittingDropout;
        var diverges = parameters.LearningRate > TrainingParameters.DivergentLearningRate;
        return new LossCurve(
            epochs, seed, 2.3, Math.Max(0.02, validationFloor - 0.08), validationFloor, epochs / 15.0 * speed, Drift: 0.03, Noise: 0.004,
            OverfitFrom: overfits ? Math.Max(2, (int)Math.Round(epochs * 0.5)) : null,
            OverfitStrength: overfits ? (TrainingParameters.OverfittingDropout - parameters.Dropout) * 8 : 0,
            DivergeFrom: diverges ? Math.Max(2, (int)Math.Round(epochs * 0.05)) : null,
            Growth: diverges ? Math.Min(3, 1.5 + (parameters.LearningRate * 5)) : 1);
    }

    /// <summary>The metrics of <paramref name="epoch"/> (1-based); the same every time for the same curve.</summary>
    public EpochMetrics At(int epoch)
    {
        var random = new Random(unchecked((Seed * 1_000_003) + (epoch * 7_919)));
        var decay = Math.Exp(-epoch / DecayEpochs);
        var drift = 1 - (Drift * epoch / Epochs);
        var training = (TrainingFloor * drift) + ((InitialLoss - TrainingFloor) * decay);
        var validation = (ValidationFloor * drift) + ((InitialLoss * 1.02 - ValidationFloor) * decay);
        if (OverfitFrom is { } from && epoch > from)
        {
            validation += ValidationFloor * OverfitStrength * (epoch - from) / Epochs;
        }

        if (DivergeFrom is { } start && epoch > start)
        {
            var growth = Math.Pow(Growth, epoch - start);
            training *= growth;
            validation *= growth * 1.05;
        }

        training *= 1 + (Noise * 0.6 * Gaussian(random));
        validation *= 1 + (Noise * Gaussian(random));
        if (training > NotANumberAbove || validation > NotANumberAbove)
        {
            return new EpochMetrics(double.NaN, double.NaN, 0);
        }

        return new EpochMetrics(training, validation, Math.Clamp(1 - (0.4 * validation), 0.02, 0.995));
    }

    /// <summary>A seed for <paramref name="runId"/> that is the same in every process (FNV-1a of its UTF-16 code units).</summary>
    public static int SeedOf(string runId)
    {
        var hash = 2_166_136_261u;
        foreach (var c in runId)
        {
            hash = unchecked((hash ^ c) * 16_777_619u);
        }

        return unchecked((int)hash);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
