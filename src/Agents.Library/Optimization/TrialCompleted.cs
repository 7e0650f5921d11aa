using Agents.Persistence.Serialization;

namespace Agents.Library.Optimization;

/// <summary>A trial ended with a result: its run reported <c>training.complete</c>, or it could not be launched.</summary>
/// <param name="Trial">The trial number.</param>
/// <param name="Status"><c>completed</c> (it has a score) or <c>failed</c>.</param>
/// <param name="Score">The run's score (lower is better unless the goal is <c>maximize</c>); null when it failed without one.</param>
/// <param name="Reason">What the run reported (its status, such as <c>completed</c>, <c>stopped</c> or <c>diverged</c>) or why the launch failed.</param>
/// <param name="At">When.</param>
[Manifest("agents.optimizer-trial-completed")]
public sealed record TrialCompleted(int Trial, string Status, double? Score, string Reason, DateTimeOffset At);
