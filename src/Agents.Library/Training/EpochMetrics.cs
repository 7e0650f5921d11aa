using System.Text.Json.Serialization;

namespace Agents.Library.Training;

/// <summary>
/// The metrics of one epoch. A loss may be NaN or infinite (a diverging run); in JSON such a value is written as the
/// string <c>"NaN"</c>, <c>"Infinity"</c> or <c>"-Infinity"</c>, since JSON numbers cannot hold it.
/// </summary>
/// <param name="TrainingLoss">The loss on the training data.</param>
/// <param name="ValidationLoss">The loss on the validation data; lower is better.</param>
/// <param name="Accuracy">The validation accuracy, between 0 and 1.</param>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record EpochMetrics(double TrainingLoss, double ValidationLoss, double Accuracy)
{
    /// <summary>Whether both losses are finite numbers.</summary>
    [JsonIgnore]
    public bool IsFinite => double.IsFinite(TrainingLoss) && double.IsFinite(ValidationLoss);
}
