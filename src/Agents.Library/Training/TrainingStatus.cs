namespace Agents.Library.Training;

/// <summary>How a training run ended: the <c>status</c> field of <c>training.complete</c>.</summary>
public static class TrainingStatus
{
    /// <summary>It ran its maximum number of epochs.</summary>
    /// <value><c>completed</c></value>
    public const string Completed = "completed";

    /// <summary>It was told to stop (by a monitor or an operator).</summary>
    /// <value><c>stopped</c></value>
    public const string Stopped = "stopped";

    /// <summary>Its loss stopped being a number.</summary>
    /// <value><c>diverged</c></value>
    public const string Diverged = "diverged";

    /// <summary>It failed for another reason (reported by real jobs; the simulated run never fails).</summary>
    /// <value><c>failed</c></value>
    public const string Failed = "failed";
}
