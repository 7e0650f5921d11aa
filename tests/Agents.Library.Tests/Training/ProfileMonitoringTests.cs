using Agents.Library.Training;

namespace Agents.Library.Tests.Training;

/// <summary>
/// The profiles as the convergence monitor's default rules see them (checks every 10 epochs, patience 3): what the
/// demo shows must hold for every seed, not just a lucky one.
/// </summary>
public sealed class ProfileMonitoringTests
{
    public static TheoryData<int> Lengths => [50, 60, 100];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void A_converging_run_is_found_converged_and_never_stopped_early(int epochs)
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var (plateauAt, stopAt) = Monitor(LossCurve.For(TrainingProfile.Converges, epochs, seed), epochs);

            Assert.True(plateauAt > 0, $"seed {seed}: no plateau in {epochs} epochs");
            Assert.True(stopAt == 0, $"seed {seed}: stopped early at {stopAt}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void An_overfitting_run_is_stopped_early(int epochs)
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var (_, stopAt) = Monitor(LossCurve.For(TrainingProfile.Overfits, epochs, seed), epochs);

            Assert.True(stopAt > 0, $"seed {seed}: not stopped in {epochs} epochs");
        }
    }

    private static (int PlateauAt, int StopAt) Monitor(LossCurve curve, int epochs)
    {
        var settings = ConvergenceMonitorSettings.Default;
        var run = new MonitoredRun("run");
        var plateauAt = 0;
        for (var epoch = settings.CheckEvery; epoch <= epochs; epoch += settings.CheckEvery)
        {
            var metrics = curve.At(epoch);
            run.Apply(new ValidationChecked("run", epoch, metrics.TrainingLoss, metrics.ValidationLoss, metrics.Accuracy), settings);
            if (plateauAt == 0 && run.OnPlateau(settings))
            {
                plateauAt = epoch;
            }

            if (run.PatienceExhausted(settings))
            {
                return (plateauAt, epoch);
            }
        }

        return (plateauAt, 0);
    }
}
