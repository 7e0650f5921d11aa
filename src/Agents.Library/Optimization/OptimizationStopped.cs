using Agents.Persistence.Serialization;

namespace Agents.Library.Optimization;

/// <summary>The optimization was stopped by command: no more trials are proposed; running ones are still recorded when they report.</summary>
/// <param name="Reason">Why, as the command gave it.</param>
/// <param name="At">When.</param>
[Manifest("agents.optimizer-stopped")]
public sealed record OptimizationStopped(string Reason, DateTimeOffset At);
