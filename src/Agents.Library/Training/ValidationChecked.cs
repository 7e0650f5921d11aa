using System.Text.Json.Serialization;
using Agents.Persistence.Serialization;

namespace Agents.Library.Training;

/// <summary>
/// The monitor checked a run's validation loss at a check epoch (one divisible by <c>check-every</c>); replaying the
/// checks rebuilds the run's best loss, patience counter and plateau window.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">The check epoch.</param>
/// <param name="TrainingLoss">The training loss reported for it.</param>
/// <param name="ValidationLoss">The validation loss reported for it.</param>
/// <param name="Accuracy">The accuracy reported for it.</param>
[Manifest("agents.convergence-validation-checked")]
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record ValidationChecked(string RunId, int Epoch, double TrainingLoss, double ValidationLoss, double Accuracy)
{
    /// <summary>The checked metrics.</summary>
    [JsonIgnore]
    public EpochMetrics Metrics => new(TrainingLoss, ValidationLoss, Accuracy);
}
