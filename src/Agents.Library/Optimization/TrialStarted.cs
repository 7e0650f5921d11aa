using Agents.Persistence.Serialization;

namespace Agents.Library.Optimization;

/// <summary>A proposed trial was launched: its run defined (when the optimizer launches runs) and <c>training.start</c> published.</summary>
/// <param name="Trial">The trial number.</param>
/// <param name="At">When.</param>
[Manifest("agents.optimizer-trial-started")]
public sealed record TrialStarted(int Trial, DateTimeOffset At);
