using Agents.Persistence.Serialization;

namespace Agents.Library.Optimization;

/// <summary>Every trial of the budget finished; the optimizer proposes no more.</summary>
/// <param name="Trials">How many trials ran.</param>
/// <param name="BestTrial">The trial with the best score; null when none had a score.</param>
/// <param name="BestScore">Its score.</param>
/// <param name="At">When.</param>
[Manifest("agents.optimizer-completed")]
public sealed record OptimizationCompleted(int Trials, int? BestTrial, double? BestScore, DateTimeOffset At);
