using System.Text.Json;

namespace Agents.Node.Story;

/// <summary>
/// Decides which story events are told, so that the console stays readable: a run's first epoch and every tenth
/// (<see cref="EpochStride"/>); an optimization's trials by their start and their <c>optimization.trial_complete</c>,
/// without the epochs and the <c>training.complete</c> of each trial run; everything else of the story as it comes.
/// </summary>
/// <remarks>Used by one actor at a time; it remembers the runs that trials started, up to <see cref="MaxTrialRuns"/>.</remarks>
internal sealed class StoryNarrator
{
    /// <summary>Every how many epochs a run's progress is told, besides its first epoch.</summary>
    /// <value>10</value>
    public const int EpochStride = 10;

    /// <summary>How many trial runs are remembered; beyond that the oldest are forgotten (and told like any run).</summary>
    /// <value>10000</value>
    public const int MaxTrialRuns = 10_000;

    private readonly HashSet<string> _trialRuns = new(StringComparer.Ordinal);
    private readonly Queue<string> _trialOrder = new();

    /// <summary>The line for the event, or null when it is not told.</summary>
    /// <param name="topic">The event's topic.</param>
    /// <param name="payload">The event's JSON payload.</param>
    public string? Tell(string topic, JsonElement payload)
    {
        var runId = StoryFields.Text(payload, "runId");
        switch (topic)
        {
            case "training.start" when runId is not null && StoryFields.Text(payload, "optimizationId") is not null:
                RememberTrial(runId);
                break;
            case "training.epoch_complete" when IsTrial(runId) || !IsToldEpoch(StoryFields.Whole(payload, "epoch")):
                return null;
            case "training.complete" when IsTrial(runId) || StoryFields.Text(payload, "optimizationId") is not null:
                return null;
        }

        return StoryLines.Line(topic, payload);
    }

    private static bool IsToldEpoch(long? epoch) => epoch is not { } number || number == 1 || number % EpochStride == 0;

    private bool IsTrial(string? runId) => runId is not null && _trialRuns.Contains(runId);

    private void RememberTrial(string runId)
    {
        if (!_trialRuns.Add(runId))
        {
            return;
        }

        _trialOrder.Enqueue(runId);
        if (_trialOrder.Count > MaxTrialRuns)
        {
            _trialRuns.Remove(_trialOrder.Dequeue());
        }
    }
}
