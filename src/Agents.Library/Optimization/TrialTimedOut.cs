using Agents.Persistence.Serialization;

namespace Agents.Library.Optimization;

/// <summary>A trial's deadline passed before its <c>training.complete</c> arrived; a later report of it is ignored.</summary>
/// <param name="Trial">The trial number.</param>
/// <param name="At">When.</param>
[Manifest("agents.optimizer-trial-timed-out")]
public sealed record TrialTimedOut(int Trial, DateTimeOffset At);
