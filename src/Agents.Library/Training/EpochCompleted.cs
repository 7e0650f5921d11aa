using System.Text.Json.Serialization;
using Agents.Persistence.Serialization;

namespace Agents.Library.Training;

/// <summary>A training run finished an epoch with these metrics (NaN losses are journaled as the string <c>"NaN"</c>).</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="TrainingLoss">The training loss.</param>
/// <param name="ValidationLoss">The validation loss.</param>
/// <param name="Accuracy">The validation accuracy.</param>
[Manifest("agents.training-epoch-completed")]
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record EpochCompleted(int Epoch, double TrainingLoss, double ValidationLoss, double Accuracy)
{
    /// <summary>The epoch's metrics.</summary>
    [JsonIgnore]
    public EpochMetrics Metrics => new(TrainingLoss, ValidationLoss, Accuracy);
}
