using System.Globalization;

namespace Agents.Library.Health;

/// <summary>
/// The health score of an agent, 0 to 100, as a weighted sum of three parts, each between 0 and 1:
/// <list type="bullet">
/// <item><b>Heartbeat regularity</b> (weight <see cref="HeartbeatWeight"/>): 1 while the longest of the current silence
/// and the gaps seen within the window stays within the tolerance (one expected gap — the larger of the heartbeat
/// interval and the check period, since heartbeats between two looks are not seen — plus one interval), falling
/// linearly to 0 at <see cref="SilenceSpan"/> heartbeat intervals beyond it.</item>
/// <item><b>Error rate</b> (weight <see cref="ErrorWeight"/>): 1 minus the failures within the window over
/// <see cref="FailureBudget"/>, at least 0.</item>
/// <item><b>Restarts</b> (weight <see cref="RestartWeight"/>): 1 minus the restart growth within the window over
/// <see cref="RestartBudget"/>, at least 0.</item>
/// </list>
/// An agent that failed for good scores 0. The heartbeat weighs most because a silent agent does no work; silence
/// alone therefore lowers the score to 40 (warning), and the failure report and restart that follow a silence past
/// the heartbeat timeout take it further (critical).
/// </summary>
public static class HealthScore
{
    /// <summary>The weight of heartbeat regularity.</summary>
    /// <value>60 points.</value>
    public const double HeartbeatWeight = 60;

    /// <summary>The weight of the error rate.</summary>
    /// <value>20 points.</value>
    public const double ErrorWeight = 20;

    /// <summary>The weight of the restarts.</summary>
    /// <value>20 points.</value>
    public const double RestartWeight = 20;

    /// <summary>How many failures within the window take the error part to 0.</summary>
    /// <value>3.</value>
    public const int FailureBudget = 3;

    /// <summary>How many restarts within the window take the restart part to 0.</summary>
    /// <value>3.</value>
    public const int RestartBudget = 3;

    /// <summary>How many heartbeat intervals beyond the tolerance take heartbeat regularity from 1 to 0.</summary>
    /// <value>4.</value>
    public const double SilenceSpan = 4;

    /// <summary>The score of <paramref name="signals"/> and the reasons it is lower than 100.</summary>
    /// <exception cref="ArgumentException">The heartbeat interval is not positive.</exception>
    public static HealthAssessment Compute(HealthSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.HeartbeatInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The heartbeat interval is {signals.HeartbeatInterval}; it must be positive.", nameof(signals));
        }

        var reasons = new List<string>();
        var window = Text(signals.Window);
        var interval = signals.HeartbeatInterval;
        if (signals.Failed)
        {
            reasons.Add("its status is failed: it was given up after too many failures");
            return new HealthAssessment(0, reasons);
        }

        var tolerance = Max(interval, signals.CheckEvery) + interval;
        var regularity = 1 - Math.Clamp((Max(signals.Silence, signals.LongestGap) - tolerance) / (interval * SilenceSpan), 0, 1);
        if (signals.Silence > tolerance)
        {
            reasons.Add($"no heartbeat for {Text(signals.Silence)} (expected every {Text(interval)})");
        }

        if (signals.LongestGap > tolerance)
        {
            reasons.Add($"a heartbeat gap of {Text(signals.LongestGap)} within the last {window} (expected every {Text(interval)})");
        }

        var errors = 1 - Math.Min(1, (double)Math.Max(0, signals.Failures) / FailureBudget);
        if (signals.Failures > 0)
        {
            reasons.Add($"{Count(signals.Failures, "failure")} reported within the last {window}");
        }

        var restarts = 1 - Math.Min(1, (double)Math.Max(0, signals.Restarts) / RestartBudget);
        if (signals.Restarts > 0)
        {
            reasons.Add($"{Count(signals.Restarts, "restart")} within the last {window}");
        }

        var score = (HeartbeatWeight * regularity) + (ErrorWeight * errors) + (RestartWeight * restarts);
        return new HealthAssessment(Math.Round(score, 1), reasons);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>A duration for people: <c>45s</c>, <c>2m</c>, <c>1m30s</c>, <c>250ms</c>.</summary>
    internal static string Text(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}ms";
        }

        var seconds = (long)duration.TotalSeconds;
        if (seconds < 60)
        {
            return $"{seconds.ToString(CultureInfo.InvariantCulture)}s";
        }

        var minutes = seconds / 60;
        var rest = seconds % 60;
        return rest == 0
            ? $"{minutes.ToString(CultureInfo.InvariantCulture)}m"
            : $"{minutes.ToString(CultureInfo.InvariantCulture)}m{rest.ToString(CultureInfo.InvariantCulture)}s";
    }
}
