using Agents.Library.Training;

namespace Agents.Library.Tests.Training;

public sealed class LossCurveTests
{
    private const int Epochs = 60;

    [Fact]
    public void The_same_seed_gives_the_same_curve_and_another_seed_another()
    {
        var curve = LossCurve.For(TrainingProfile.Converges, Epochs, seed: 7);

        Assert.Equal(curve.At(12), LossCurve.For(TrainingProfile.Converges, Epochs, seed: 7).At(12));
        Assert.NotEqual(curve.At(12), LossCurve.For(TrainingProfile.Converges, Epochs, seed: 8).At(12));
    }

    [Fact]
    public void A_converging_curve_falls_and_settles_on_a_plateau()
    {
        var curve = LossCurve.For(TrainingProfile.Converges, Epochs, seed: 1);
        var late = Enumerable.Range(40, 21).Select(e => curve.At(e).ValidationLoss).ToArray();

        Assert.True(curve.At(1).ValidationLoss > 4 * curve.At(30).ValidationLoss);
        Assert.True((late.Max() - late.Min()) / late.Min() < 0.03, $"late spread {late.Max() - late.Min()}");
        Assert.True(curve.At(Epochs).TrainingLoss < curve.At(Epochs).ValidationLoss);
    }

    [Fact]
    public void An_overfitting_curve_turns_up_in_validation_while_training_loss_keeps_falling()
    {
        var curve = LossCurve.For(TrainingProfile.Overfits, Epochs, seed: 1);
        var best = Enumerable.Range(1, Epochs).MinBy(e => curve.At(e).ValidationLoss);

        Assert.InRange(best, 10, 30);
        Assert.True(curve.At(Epochs).ValidationLoss > 1.3 * curve.At(best).ValidationLoss);
        Assert.True(curve.At(Epochs).TrainingLoss < curve.At(best).TrainingLoss);
    }

    [Fact]
    public void A_diverging_curve_falls_first_then_explodes_and_becomes_nan()
    {
        var curve = LossCurve.For(TrainingProfile.Diverges, Epochs, seed: 1);
        var firstNaN = Enumerable.Range(1, Epochs).First(e => !curve.At(e).IsFinite);

        Assert.True(curve.At(4).TrainingLoss < curve.At(1).TrainingLoss);
        Assert.True(curve.At(firstNaN - 1).TrainingLoss > 10 * curve.At(1).TrainingLoss);
        Assert.InRange(firstNaN, 10, 30);
    }

    [Fact]
    public void A_trial_at_the_optimum_ends_lower_than_trials_away_from_it()
    {
        var best = Final(new TrainingParameters());
        var slow = Final(new TrainingParameters(LearningRate: 1e-4));
        var wide = Final(new TrainingParameters(Dropout: 0.6, Layers: 9));

        Assert.True(best < slow, $"{best} vs {slow}");
        Assert.True(best < wide, $"{best} vs {wide}");
    }

    [Fact]
    public void A_trial_with_a_too_large_learning_rate_diverges()
    {
        var curve = LossCurve.For(new TrainingParameters(LearningRate: 0.2), Epochs, seed: 3);

        Assert.Contains(Enumerable.Range(1, Epochs), e => !curve.At(e).IsFinite);
    }

    [Fact]
    public void A_trial_without_dropout_overfits()
    {
        var curve = LossCurve.For(new TrainingParameters(Dropout: 0), Epochs, seed: 3);
        var best = Enumerable.Range(1, Epochs).MinBy(e => curve.At(e).ValidationLoss);

        Assert.True(best < Epochs - 10);
        Assert.True(curve.At(Epochs).ValidationLoss > 1.1 * curve.At(best).ValidationLoss);
    }

    [Fact]
    public void The_seed_of_a_run_id_is_stable()
    {
        Assert.Equal(-1_791_928_769, LossCurve.SeedOf("run-overfits"));
        Assert.Equal(718_098_122, LossCurve.SeedOf("run"));
    }

    private static double Final(TrainingParameters parameters)
    {
        var curve = LossCurve.For(parameters, Epochs, seed: 11);
        return Enumerable.Range(1, Epochs).Min(e => curve.At(e).ValidationLoss);
    }
}
