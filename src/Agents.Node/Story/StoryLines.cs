using System.Text.Json;
using Agents.Platform.Topics;

namespace Agents.Node.Story;

/// <summary>
/// Turns one story event (its topic and JSON payload, fields as issue 6 fixes them) into one plain line a person can
/// follow, e.g. <c>run demo-overfits: early stop at epoch 37 (validation loss rising since epoch 27; best 0.412 at
/// epoch 27)</c>. Missing fields leave their part out; a topic outside the story gives no line.
/// </summary>
internal static partial class StoryLines
{
    /// <summary>The topic patterns the story follows.</summary>
    public static IReadOnlyList<TopicPattern> Topics { get; } =
    [
        .. new[]
        {
            "training.start", "training.epoch_complete", "training.early_stop", "training.diverged", "training.complete",
            "model.convergence.#", "optimization.trial_complete", "optimization.complete", "alert.#", "anomaly.detected",
            "agent.health.failure", "workflow.rule.fired",
        }.Select(TopicPattern.Parse),
    ];

    /// <summary>The line for an event on <paramref name="topic"/>; null when the topic is not part of the story.</summary>
    public static string? Line(string topic, JsonElement payload) => topic switch
    {
        "training.start" => TrainingStart(payload),
        "training.epoch_complete" => EpochComplete(payload),
        "training.early_stop" => EarlyStop(payload),
        "training.diverged" => Diverged(payload),
        "training.complete" => TrainingComplete(payload),
        "optimization.trial_complete" => TrialComplete(payload),
        "optimization.complete" => OptimizationComplete(payload),
        "alert.recovered" => Recovered(payload),
        "anomaly.detected" => Anomaly(payload),
        "agent.health.failure" => HealthFailure(payload),
        "workflow.rule.fired" => RuleFired(payload),
        _ when topic.StartsWith("model.convergence.", StringComparison.Ordinal) => Convergence(topic, payload),
        _ when topic.StartsWith("alert.", StringComparison.Ordinal) => Alert(topic, payload),
        _ => null,
    };

    private static string Run(JsonElement payload) => "run " + (StoryFields.Text(payload, "runId") ?? "(no run id)");

    /// <summary>A reason in words: <c>loss_exploded</c> → <c>loss exploded</c>.</summary>
    private static string Words(string reason) => reason.Replace('_', ' ').Replace('-', ' ');
}
