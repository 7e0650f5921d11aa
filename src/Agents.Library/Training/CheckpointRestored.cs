using Agents.Persistence.Serialization;

namespace Agents.Library.Training;

/// <summary>
/// A training run rolled back to a checkpoint: its metrics are the run's current and best ones again, and a run that
/// still trains continues from the epoch after it.
/// </summary>
/// <param name="Epoch">The checkpoint's epoch.</param>
/// <param name="RequestedEpoch">The epoch the rollback asked for (the checkpoint is the latest at or before it).</param>
[Manifest("agents.training-checkpoint-restored")]
public sealed record CheckpointRestored(int Epoch, int RequestedEpoch);
