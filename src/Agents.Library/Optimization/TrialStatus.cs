namespace Agents.Library.Optimization;

/// <summary>The states of an optimization trial, as <c>optimization.trial_complete</c> and the <c>status</c> command write them.</summary>
public static class TrialStatus
{
    /// <summary>Proposed and not finished yet.</summary>
    public const string Running = "running";

    /// <summary>Finished with a score.</summary>
    public const string Completed = "completed";

    /// <summary>Its run failed or diverged, or it could not be launched.</summary>
    public const string Failed = "failed";

    /// <summary>Its deadline passed without a result.</summary>
    public const string TimedOut = "timed_out";
}
