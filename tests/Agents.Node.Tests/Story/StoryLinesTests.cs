using System.Text.Json;
using Agents.Node.Story;

namespace Agents.Node.Tests.Story;

public sealed class StoryLinesTests
{
    private static string? Line(string topic, string json)
    {
        using var document = JsonDocument.Parse(json);
        return StoryLines.Line(topic, document.RootElement.Clone());
    }

    [Fact]
    public void A_trial_start_names_the_optimization_the_trial_the_run_and_the_parameters() =>
        Assert.Equal(
            "optimization demo-hpo: trial 3 started as demo-hpo-trial-3 (learning_rate=0.00312, dropout=0.18, batch_size=64, layers=3)",
            Line("training.start", """
                {"optimizationId":"demo-hpo","trial":3,"runId":"demo-hpo-trial-3",
                 "parameters":{"learning_rate":0.0031234,"dropout":0.18,"batch_size":64,"layers":3}}
                """));

    [Fact]
    public void A_run_start_without_an_optimization_names_the_run() =>
        Assert.Equal("run r1 started", Line("training.start", """{"runId":"r1"}"""));

    [Fact]
    public void An_epoch_gives_the_losses_and_the_accuracy_as_a_percentage() =>
        Assert.Equal(
            "run demo-converges: epoch 10, training loss 0.512, validation loss 0.534, accuracy 81.2%",
            Line("training.epoch_complete", """{"runId":"demo-converges","epoch":10,"trainingLoss":0.5123,"validationLoss":0.5341,"accuracy":0.8123}"""));

    [Fact]
    public void An_epoch_without_metrics_gives_only_the_run_and_the_epoch() =>
        Assert.Equal("run r1: epoch 20", Line("training.epoch_complete", """{"runId":"r1","epoch":20}"""));

    [Fact]
    public void An_early_stop_for_overfitting_says_since_when_the_validation_loss_rises() =>
        Assert.Equal(
            "run demo-overfits: early stop at epoch 37 (validation loss rising since epoch 27; best 0.412 at epoch 27)",
            Line("training.early_stop", """
                {"runId":"demo-overfits","reason":"overfitting_detected","bestEpoch":27,"epoch":37,"bestValidationLoss":0.41234}
                """));

    [Fact]
    public void An_early_stop_with_another_reason_gives_the_reason_in_words() =>
        Assert.Equal("run r1: early stop at epoch 5 (budget spent)",
            Line("training.early_stop", """{"runId":"r1","reason":"budget_spent","epoch":5}"""));

    [Fact]
    public void An_early_stop_with_only_the_run_is_still_told() =>
        Assert.Equal("run r1: early stop", Line("training.early_stop", """{"runId":"r1"}"""));

    [Fact]
    public void A_nan_divergence_says_the_loss_became_NaN() =>
        Assert.Equal("run demo-diverges: diverged at epoch 12 (training loss became NaN)",
            Line("training.diverged", """{"runId":"demo-diverges","reason":"nan_loss","epoch":12,"trainingLoss":"NaN"}"""));

    [Fact]
    public void An_exploded_loss_gives_its_value() =>
        Assert.Equal("run demo-diverges: diverged at epoch 14 (loss exploded to 8.4e+4)",
            Line("training.diverged", """{"runId":"demo-diverges","reason":"loss_exploded","epoch":14,"trainingLoss":84000.5}"""));

    [Fact]
    public void A_completed_run_gives_its_epochs_best_loss_and_accuracy() =>
        Assert.Equal("run demo-converges finished after 60 epochs: best validation loss 0.231 at epoch 55, accuracy 92.1%",
            Line("training.complete", """
                {"runId":"demo-converges","status":"completed","epochs":60,"bestEpoch":55,
                 "metrics":{"trainingLoss":0.2,"validationLoss":0.24,"accuracy":0.921},"score":0.2311}
                """));

    [Fact]
    public void A_stopped_run_says_stopped() =>
        Assert.Equal("run demo-overfits stopped after 37 epochs: best validation loss 0.412 at epoch 27",
            Line("training.complete", """{"runId":"demo-overfits","status":"stopped","epochs":37,"bestEpoch":27,"score":0.412}"""));

    [Fact]
    public void A_diverged_run_leaves_out_its_score() =>
        Assert.Equal("run demo-diverges ended: diverged after 14 epochs",
            Line("training.complete", """{"runId":"demo-diverges","status":"diverged","epochs":14,"score":1.2}"""));

    [Fact]
    public void A_trial_run_names_its_optimization_and_trial() =>
        Assert.Equal("run demo-hpo-trial-2 finished after 20 epochs: best validation loss 0.3 (optimization demo-hpo, trial 2)",
            Line("training.complete", """{"runId":"demo-hpo-trial-2","status":"completed","epochs":20,"score":0.3,"optimizationId":"demo-hpo","trial":2}"""));

    [Fact]
    public void A_completion_without_fields_is_told_as_ended() =>
        Assert.Equal("run (no run id) ended", Line("training.complete", "{}"));

    [Fact]
    public void Convergence_by_plateau_gives_the_plateau_and_the_accuracy() =>
        Assert.Equal("run demo-converges: converged at epoch 42 (validation loss plateaued at 0.231, accuracy 91.2%)",
            Line("model.convergence.detected", """
                {"runId":"demo-converges","reason":"validation_plateau","epoch":42,
                 "metrics":{"trainingLoss":0.2,"validationLoss":0.231,"accuracy":0.912}}
                """));

    [Fact]
    public void Another_convergence_topic_is_told_by_its_last_words() =>
        Assert.Equal("run r1: lost at epoch 3", Line("model.convergence.lost", """{"runId":"r1","epoch":3}"""));

    [Fact]
    public void A_trial_that_is_not_the_best_names_the_best_so_far() =>
        Assert.Equal("optimization demo-hpo: trial 5 of 12 done, score 0.318 (best so far 0.301, trial 3)",
            Line("optimization.trial_complete", """
                {"optimizationId":"demo-hpo","trial":5,"of":12,"status":"completed","score":0.3181,
                 "parameters":{"dropout":0.1},"bestScore":0.301,"bestTrial":3}
                """));

    [Fact]
    public void A_trial_that_is_the_best_says_so() =>
        Assert.Equal("optimization demo-hpo: trial 3 of 12 done, score 0.301 (best so far)",
            Line("optimization.trial_complete", """{"optimizationId":"demo-hpo","trial":3,"of":12,"status":"completed","score":0.301,"bestScore":0.301,"bestTrial":3}"""));

    [Fact]
    public void A_timed_out_trial_says_it_timed_out() =>
        Assert.Equal("optimization demo-hpo: trial 4 of 12 timed out (best so far 0.301, trial 3)",
            Line("optimization.trial_complete", """{"optimizationId":"demo-hpo","trial":4,"of":12,"status":"timed_out","bestScore":0.301,"bestTrial":3}"""));

    [Fact]
    public void A_failed_trial_before_any_success_says_it_failed() =>
        Assert.Equal("optimization demo-hpo: trial 1 of 12 failed",
            Line("optimization.trial_complete", """{"optimizationId":"demo-hpo","trial":1,"of":12,"status":"failed"}"""));

    [Fact]
    public void The_optimization_result_gives_the_best_score_trial_and_parameters() =>
        Assert.Equal(
            "optimization demo-hpo complete: best score 0.287 (trial 7 of 12) with learning_rate=0.0031, dropout=0.18, batch_size=64, layers=3",
            Line("optimization.complete", """
                {"optimizationId":"demo-hpo","trials":12,"bestTrial":7,"bestScore":0.2871,
                 "bestParameters":{"learning_rate":0.0031,"dropout":0.18,"batch_size":64,"layers":3}}
                """));

    [Fact]
    public void An_optimization_result_without_fields_is_told_as_complete() =>
        Assert.Equal("optimization (no optimization id) complete", Line("optimization.complete", "{}"));

    [Fact]
    public void A_choice_parameter_of_text_is_written_as_it_is() =>
        Assert.Equal("optimization o: trial 1 started (optimizer=adam)",
            Line("training.start", """{"optimizationId":"o","trial":1,"parameters":{"optimizer":"adam"}}"""));

    [Fact]
    public void An_alert_gives_its_level_agent_score_and_message() =>
        Assert.Equal("health: warning alert for agent demo-overfits (score 62.5): heartbeats irregular",
            Line("alert.warning", """{"agentId":"demo-overfits","level":"warning","score":62.5,"reasons":["gaps"],"message":"heartbeats irregular"}"""));

    [Fact]
    public void An_alert_without_a_message_gives_its_reasons() =>
        Assert.Equal("health: critical alert for agent a1: 3 restarts; no heartbeat for 40s",
            Line("alert.critical", """{"agentId":"a1","reasons":["3 restarts","no heartbeat for 40s"]}"""));

    [Fact]
    public void A_recovery_names_the_agent_and_its_score() =>
        Assert.Equal("health: agent a1 recovered (score 95): healthy again",
            Line("alert.recovered", """{"agentId":"a1","score":95,"message":"healthy again"}"""));

    [Fact]
    public void An_anomaly_gives_the_metric_value_score_method_and_window() =>
        Assert.Equal("anomaly in gpu.temperature: value 97.2 (score 0.812, isolation forest, window of 256)",
            Line("anomaly.detected", """{"metric":"gpu.temperature","value":97.2,"score":0.812,"method":"isolation_forest","window":256}"""));

    [Fact]
    public void An_anomaly_with_only_a_metric_is_still_told() =>
        Assert.Equal("anomaly in latency", Line("anomaly.detected", """{"metric":"latency","method":null}"""));

    [Fact]
    public void A_silent_agent_is_told_with_how_long_and_that_it_restarts() =>
        Assert.Equal("health: agent demo-optimizer went silent for 00:00:31; restarting it: no heartbeat within 30s",
            Line("agent.health.failure", """
                {"agentId":"demo-optimizer","reason":"heartbeat-timeout","silentFor":"00:00:31","node":"agents","detail":"no heartbeat within 30s"}
                """));

    [Fact]
    public void An_agent_given_up_is_told_so() =>
        Assert.Equal("health: agent a1 failed too often and was given up",
            Line("agent.health.failure", """{"agentId":"a1","reason":"too-many-failures"}"""));

    [Fact]
    public void A_rule_firing_names_the_rule_the_event_whom_it_told_and_the_answer() =>
        Assert.Equal("rule stop-converged-demo-run fired on model.convergence.detected: told demo-converges to stop (accepted: stopping)",
            Line("workflow.rule.fired", """
                {"rule":"stop-converged-demo-run","topic":"model.convergence.detected","offset":"1:2","deliveryId":2,"command":"stop",
                 "targets":[{"agentId":"demo-converges","accepted":true,"message":"stopping"}],"firedAt":"2026-01-01T00:00:00Z"}
                """));

    [Fact]
    public void A_rule_firing_that_was_refused_says_so() =>
        Assert.Equal("rule r fired on t: told a1 to stop (refused: the run has finished)",
            Line("workflow.rule.fired", """{"rule":"r","topic":"t","command":"stop","targets":[{"agentId":"a1","accepted":false,"message":"the run has finished"}]}"""));

    [Fact]
    public void A_rule_firing_without_targets_says_there_was_no_one_to_tell() =>
        Assert.Equal("rule r fired on t: no agent to tell stop",
            Line("workflow.rule.fired", """{"rule":"r","topic":"t","command":"stop","targets":[]}"""));

    [Fact]
    public void A_rule_firing_that_failed_gives_the_error() =>
        Assert.Equal("rule r fired on t: could not tell stop: directory unavailable",
            Line("workflow.rule.fired", """{"rule":"r","topic":"t","command":"stop","targets":[],"error":"directory unavailable"}"""));

    [Theory]
    [InlineData("workflow.rule.fired")]
    [InlineData("training.start")]
    [InlineData("training.epoch_complete")]
    [InlineData("training.early_stop")]
    [InlineData("training.diverged")]
    [InlineData("training.complete")]
    [InlineData("model.convergence.detected")]
    [InlineData("optimization.trial_complete")]
    [InlineData("optimization.complete")]
    [InlineData("alert.warning")]
    [InlineData("alert.recovered")]
    [InlineData("anomaly.detected")]
    [InlineData("agent.health.failure")]
    public void A_payload_that_is_not_an_object_still_gives_a_line(string topic)
    {
        Assert.NotNull(Line(topic, "[1, 2]"));
        Assert.NotNull(Line(topic, "\"text\""));
    }

    [Fact]
    public void Fields_of_the_wrong_kind_are_left_out() =>
        Assert.Equal("run r1: epoch 3",
            Line("training.epoch_complete", """{"runId":"r1","epoch":3,"trainingLoss":{"x":1},"validationLoss":[1],"accuracy":true}"""));

    [Fact]
    public void A_topic_outside_the_story_gives_no_line() => Assert.Null(Line("orders.created", """{"runId":"r1"}"""));

    [Theory]
    [InlineData("training.start", true)]
    [InlineData("training.checkpoint_saved", false)]
    [InlineData("model.convergence.detected", true)]
    [InlineData("alert.emergency", true)]
    [InlineData("agent.health.failure", true)]
    [InlineData("metrics.cpu", false)]
    public void The_story_follows_its_topics(string topic, bool followed) =>
        Assert.Equal(followed, StoryLines.Topics.Any(pattern => pattern.Matches(Agents.Platform.Topics.TopicName.Parse(topic))));
}
