using System.Text.Json;

namespace Agents.Library.Optimization;

/// <summary>The optimizer's in-memory view of one trial, rebuilt from its events.</summary>
internal sealed class OptimizationTrial(TrialProposed proposed, double[]? point)
{
    public int Number { get; } = proposed.Trial;

    public string RunId { get; } = proposed.RunId;

    public JsonElement Parameters { get; } = proposed.Parameters;

    /// <summary>The unit-cube point of the parameters; null when the current space cannot encode them (the space changed).</summary>
    public double[]? Point { get; } = point;

    public DateTimeOffset Deadline { get; } = proposed.Deadline;

    /// <summary>Whether it was launched (<see cref="TrialStarted"/>).</summary>
    public bool Started { get; set; }

    /// <summary>One of <see cref="TrialStatus"/>.</summary>
    public string Status { get; set; } = TrialStatus.Running;

    /// <summary>Its score as reported (in the goal's direction); null without one.</summary>
    public double? Score { get; set; }

    public bool IsRunning => Status == TrialStatus.Running;
}
