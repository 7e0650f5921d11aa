using System.Text.Json.Serialization;
using Agents.Persistence.Serialization;

namespace Agents.Library.Training;

/// <summary>A training run ended; it never trains again, also not after a restart.</summary>
/// <param name="Status">How it ended: a <see cref="TrainingStatus"/> value.</param>
/// <param name="Reason">Why, for people (such as the reason a stop command gave).</param>
/// <param name="Epochs">How many epochs it ran.</param>
/// <param name="BestEpoch">The epoch with the lowest validation loss; 0 when none ran.</param>
/// <param name="Score">The best validation loss; NaN when no epoch had a finite one.</param>
[Manifest("agents.training-run-finished")]
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record TrainingRunFinished(string Status, string Reason, int Epochs, int BestEpoch, double Score);
