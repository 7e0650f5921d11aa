namespace Agents.Library.Training;

/// <summary>
/// The topics of training runs and their monitors. Their payloads are JSON objects with camelCase fields, the same
/// whether a <see cref="TrainingRunAgent"/> publishes them or a real training job reports through the management API.
/// </summary>
public static class TrainingTopics
{
    /// <summary>One epoch done: <c>{ runId, epoch, trainingLoss, validationLoss, accuracy }</c>.</summary>
    /// <value><c>training.epoch_complete</c></value>
    public const string EpochComplete = "training.epoch_complete";

    /// <summary>A checkpoint saved: <c>{ runId, epoch, validationLoss }</c>.</summary>
    /// <value><c>training.checkpoint_saved</c></value>
    public const string CheckpointSaved = "training.checkpoint_saved";

    /// <summary>
    /// A run ended: <c>{ runId, optimizationId?, trial?, status, epochs, bestEpoch, metrics, score }</c>, where
    /// <c>score</c> is the best validation loss (lower is better).
    /// </summary>
    /// <value><c>training.complete</c></value>
    public const string Complete = "training.complete";

    /// <summary>The monitor stopped a run early: <c>{ runId, reason, bestEpoch, epoch, bestValidationLoss }</c>.</summary>
    /// <value><c>training.early_stop</c></value>
    public const string EarlyStop = "training.early_stop";

    /// <summary>The monitor saw a run diverge: <c>{ runId, reason, epoch, trainingLoss }</c>.</summary>
    /// <value><c>training.diverged</c></value>
    public const string Diverged = "training.diverged";

    /// <summary>The monitor saw a run's validation loss settle: <c>{ runId, reason, epoch, metrics }</c>.</summary>
    /// <value><c>model.convergence.detected</c></value>
    public const string ConvergenceDetected = "model.convergence.detected";
}
