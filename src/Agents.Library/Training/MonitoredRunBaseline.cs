using Agents.Persistence.Serialization;

namespace Agents.Library.Training;

/// <summary>The first finite training loss the monitor saw of a run: the yardstick of <c>divergence-factor</c>.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">The epoch it was reported at.</param>
/// <param name="TrainingLoss">The training loss.</param>
[Manifest("agents.convergence-baseline-recorded")]
public sealed record MonitoredRunBaseline(string RunId, int Epoch, double TrainingLoss);
