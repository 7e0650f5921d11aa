using System.Text.Json;
using System.Text.Json.Serialization;
using Agents.Persistence.Serialization;

namespace Agents.Library.Training;

/// <summary>
/// A decision of the convergence monitor about a run, journaled before it is published: the audit trail of why a
/// run was stopped, found converged or found diverging. A run gets each kind of decision (each topic) at most once,
/// also across restarts of the monitor.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="Topic">The topic the decision is published on: <c>training.early_stop</c>, <c>training.diverged</c> or <c>model.convergence.detected</c>.</param>
/// <param name="Reason">Why: <c>overfitting_detected</c>, <c>nan_loss</c>, <c>loss_exploded</c> or <c>validation_plateau</c>.</param>
/// <param name="Epoch">The epoch it was taken at.</param>
/// <param name="Payload">The event published, as JSON.</param>
[Manifest("agents.convergence-decision")]
public sealed record TrainingDecision(string RunId, string Topic, string Reason, int Epoch, JsonElement Payload)
{
    /// <summary>Whether the decision ends the monitor's interest in the run (it was stopped).</summary>
    [JsonIgnore]
    public bool EndsRun => Topic is TrainingTopics.EarlyStop or TrainingTopics.Diverged;
}
