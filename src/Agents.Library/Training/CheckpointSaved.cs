using System.Text.Json.Serialization;
using Agents.Persistence.Serialization;

namespace Agents.Library.Training;

/// <summary>A training run saved a checkpoint of its model after an epoch; a rollback restores its metrics.</summary>
/// <param name="Epoch">The epoch the checkpoint was taken after.</param>
/// <param name="TrainingLoss">The training loss at that epoch.</param>
/// <param name="ValidationLoss">The validation loss at that epoch.</param>
/// <param name="Accuracy">The validation accuracy at that epoch.</param>
[Manifest("agents.training-checkpoint-saved")]
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record CheckpointSaved(int Epoch, double TrainingLoss, double ValidationLoss, double Accuracy)
{
    /// <summary>The checkpoint's metrics.</summary>
    [JsonIgnore]
    public EpochMetrics Metrics => new(TrainingLoss, ValidationLoss, Accuracy);
}
