using System.Text.Json;
using Agents.Library.Optimization;
using Agents.Platform.Agents;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Optimization;

public sealed class HyperparameterOptimizerAgentTests(ITestOutputHelper output) : OptimizerTestKit(output)
{
    [Fact]
    public void Trials_are_proposed_up_to_parallel()
    {
        var agent = Start(Optimizer(Settings("\"trials\": 5, \"parallel\": 2")));

        var first = Next("training.start");
        var second = Next("training.start");

        Assert.Equal((1, "opt-trial-1", "opt"), (first.GetProperty("trial").GetInt32(), first.GetProperty("runId").GetString(), first.GetProperty("optimizationId").GetString()));
        Assert.Equal(2, second.GetProperty("trial").GetInt32());
        var status = Status(agent);
        Assert.Equal((2, 0), (status.GetProperty("running").GetInt32(), status.GetProperty("finished").GetInt32()));
    }

    [Fact]
    public void The_parameters_of_a_trial_lie_in_the_search_space()
    {
        Start(Optimizer(Settings("\"trials\": 3")));

        var parameters = Next("training.start").GetProperty("parameters");

        Assert.InRange(parameters.GetProperty("lr").GetDouble(), 0.0001, 0.1);
        Assert.InRange(parameters.GetProperty("dropout").GetDouble(), 0, 0.5);
    }

    [Fact]
    public async Task A_matching_training_complete_records_the_trial_and_starts_the_next()
    {
        Start(Optimizer(Settings("\"trials\": 5, \"parallel\": 2")));
        Next("training.start");
        Next("training.start");

        await CompleteAsync(1, 0.42);

        var recorded = Next("optimization.trial_complete");
        Assert.Equal((1, 5, "completed", 0.42), (recorded.GetProperty("trial").GetInt32(), recorded.GetProperty("of").GetInt32(),
            recorded.GetProperty("status").GetString(), recorded.GetProperty("score").GetDouble()));
        Assert.Equal((1, 0.42), (recorded.GetProperty("bestTrial").GetInt32(), recorded.GetProperty("bestScore").GetDouble()));
        Assert.Equal(3, Next("training.start").GetProperty("trial").GetInt32());
    }

    [Fact]
    public async Task A_training_complete_of_another_optimization_is_ignored()
    {
        var agent = Start(Optimizer(Settings("\"trials\": 3")));
        Next("training.start");

        await CompleteAsync(1, 0.1, optimizationId: "other");
        await CompleteAsync(1, 0.7);

        Assert.Equal(0.7, Next("optimization.trial_complete").GetProperty("score").GetDouble());
        Assert.Equal(1, Status(agent).GetProperty("finished").GetInt32());
    }

    [Fact]
    public async Task A_report_without_an_optimization_id_is_matched_by_its_run_id_only()
    {
        var agent = Start(Optimizer(Settings("\"trials\": 3")));
        Next("training.start");

        await ReportAsync("""{ "trial": 1, "status": "completed", "score": 0.1 }""");
        await ReportAsync("""{ "runId": "opt-trial-1", "status": "completed", "score": 0.6 }""");

        Assert.Equal(0.6, Next("optimization.trial_complete").GetProperty("score").GetDouble());
        Assert.Equal(1, Status(agent).GetProperty("finished").GetInt32());
    }

    [Fact]
    public async Task A_diverged_run_is_recorded_as_failed()
    {
        Start(Optimizer(Settings("\"trials\": 3")));
        Next("training.start");

        await CompleteAsync(1, 1e9, status: "diverged");

        var recorded = Next("optimization.trial_complete");
        Assert.Equal("failed", recorded.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, recorded.GetProperty("bestTrial").ValueKind);
    }

    [Fact]
    public void A_trial_that_times_out_is_recorded_as_timed_out_and_the_next_starts()
    {
        Start(Optimizer(Settings("\"trials\": 3")));
        Next("training.start");

        Advance(TrialTimeout);

        var recorded = Next("optimization.trial_complete");
        Assert.Equal((1, "timed_out"), (recorded.GetProperty("trial").GetInt32(), recorded.GetProperty("status").GetString()));
        Assert.False(recorded.TryGetProperty("score", out _));
        Assert.Equal(2, Next("training.start").GetProperty("trial").GetInt32());
    }

    [Fact]
    public async Task A_report_after_the_timeout_does_not_change_the_trial()
    {
        var agent = Start(Optimizer(Settings("\"trials\": 3")));
        Next("training.start");
        Advance(TrialTimeout);
        Next("optimization.trial_complete");
        Next("training.start");

        await CompleteAsync(1, 0.3);
        await CompleteAsync(2, 0.5);

        Assert.Equal(2, Next("optimization.trial_complete").GetProperty("trial").GetInt32());
        var trials = Status(agent).GetProperty("trials");
        Assert.Equal("timed_out", trials[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Optimization_complete_carries_the_best_trial_and_its_parameters()
    {
        Start(Optimizer(Settings("\"trials\": 3, \"parallel\": 3")));
        var parameters = Enumerable.Range(0, 3).Select(_ => Next("training.start")).ToDictionary(s => s.GetProperty("trial").GetInt32(), s => s.GetProperty("parameters"));

        await CompleteAsync(1, 0.5);
        await CompleteAsync(2, 0.2);
        await CompleteAsync(3, 0.9);

        var complete = Next("optimization.complete");
        Assert.Equal(("opt", 3, 2, 0.2), (complete.GetProperty("optimizationId").GetString(), complete.GetProperty("trials").GetInt32(),
            complete.GetProperty("bestTrial").GetInt32(), complete.GetProperty("bestScore").GetDouble()));
        Assert.True(JsonElement.DeepEquals(parameters[2], complete.GetProperty("bestParameters")));
    }

    [Fact]
    public async Task A_restarted_optimizer_does_not_repeat_a_finished_trial_and_keeps_waiting_for_pending_ones()
    {
        var definition = Optimizer(Settings("\"trials\": 3, \"parallel\": 2"));
        var agent = Start(definition);
        Next("training.start");
        Next("training.start");
        await CompleteAsync(1, 0.4);
        Next("optimization.trial_complete");
        Next("training.start");

        StopAgent(agent);
        var restarted = Start(definition);

        var status = Status(restarted);
        Assert.Equal((1, 2), (status.GetProperty("finished").GetInt32(), status.GetProperty("running").GetInt32()));
        Assert.Equal(3, status.GetProperty("trials").GetArrayLength());
        await CompleteAsync(2, 0.3);
        await CompleteAsync(3, 0.6);
        Assert.Equal(2, Next("optimization.trial_complete").GetProperty("trial").GetInt32());
        Assert.Equal(3, Next("optimization.trial_complete").GetProperty("trial").GetInt32());
        Assert.Equal(3, Next("optimization.complete").GetProperty("trials").GetInt32());
    }

    [Fact]
    public void A_restarted_optimizer_keeps_the_original_deadline_of_a_pending_trial()
    {
        var definition = Optimizer(Settings("\"trials\": 2"));
        var agent = Start(definition);
        Next("training.start");
        Advance(TimeSpan.FromMinutes(40));

        StopAgent(agent);
        Start(definition);
        Advance(TimeSpan.FromMinutes(20));

        var recorded = Next("optimization.trial_complete");
        Assert.Equal((1, "timed_out"), (recorded.GetProperty("trial").GetInt32(), recorded.GetProperty("status").GetString()));
    }

    [Fact]
    public void With_launch_set_each_trial_defines_its_run_with_parameters_and_run_settings()
    {
        Start(Optimizer(Settings("\"trials\": 2, \"launch\": \"training-run\", \"run-settings\": { \"epochs\": 40 }")));

        var start = Next("training.start");

        var run = Assert.Single(Directory.Defined);
        Assert.Equal(("opt-trial-1", "training-run"), (run.Id, run.Type));
        var settings = run.Settings!.Value;
        Assert.Equal((40, "opt", 1), (settings.GetProperty("epochs").GetInt32(), settings.GetProperty("optimizationId").GetString(), settings.GetProperty("trial").GetInt32()));
        Assert.True(JsonElement.DeepEquals(start.GetProperty("parameters"), settings.GetProperty("parameters")));
    }

    [Fact]
    public void A_timed_out_launched_run_is_told_to_stop()
    {
        Start(Optimizer(Settings("\"trials\": 2, \"launch\": \"training-run\"")));
        Next("training.start");

        Advance(TrialTimeout);
        Next("optimization.trial_complete");

        AwaitAssert(() => Assert.Contains(Directory.Told, t => t.Id == "opt-trial-1" && t.Command.Name == "stop"));
    }

    [Fact]
    public async Task Stop_ends_proposals_and_the_running_trial_is_still_recorded()
    {
        var agent = Start(Optimizer(Settings("\"trials\": 5")));
        Next("training.start");

        Assert.True(Command(agent, HyperparameterOptimizerAgent.StopCommand).Accepted);
        await CompleteAsync(1, 0.5);
        Next("optimization.trial_complete");

        var status = Status(agent);
        Assert.Equal(("stopped", 1, 0), (status.GetProperty("state").GetString(), status.GetProperty("trials").GetArrayLength(), status.GetProperty("running").GetInt32()));
    }

    [Fact]
    public void Status_answers_the_trials_so_far_and_the_best()
    {
        var agent = Start(Optimizer(Settings("\"trials\": 4")));
        Next("training.start");

        var result = Command(agent, HyperparameterOptimizerAgent.StatusCommand);

        Assert.Contains("0 of 4 trials finished, 1 running", result.Message, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, result.Result!.Value.GetProperty("bestTrial").ValueKind);
    }

    [Fact]
    public async Task After_the_random_trials_the_model_proposes_distinct_points_beside_a_running_trial()
    {
        Start(Optimizer(Settings("\"trials\": 6, \"parallel\": 2, \"initial-random\": 2")));
        Next("training.start");
        Next("training.start");
        await CompleteAsync(1, 0.8);
        Next("optimization.trial_complete");
        var third = Next("training.start");
        await CompleteAsync(2, 0.3);
        Next("optimization.trial_complete");
        var fourth = Next("training.start");

        Assert.Equal((3, 4), (third.GetProperty("trial").GetInt32(), fourth.GetProperty("trial").GetInt32()));
        Assert.False(JsonElement.DeepEquals(third.GetProperty("parameters"), fourth.GetProperty("parameters")));
    }

    [Fact]
    public async Task With_the_goal_maximize_the_highest_score_is_the_best()
    {
        Start(Optimizer(Settings("\"trials\": 2, \"parallel\": 2, \"goal\": \"maximize\"")));
        Next("training.start");
        Next("training.start");

        await CompleteAsync(1, 0.9);
        await CompleteAsync(2, 0.6);

        Assert.Equal(1, Next("optimization.complete").GetProperty("bestTrial").GetInt32());
    }
}
