using System.Text.Json;
using Agents.Library.Training;
using Agents.Platform.Agents;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Training;

public sealed class TrainingRunAgentTests(ITestOutputHelper output) : TrainingTestKit(output)
{
    [Fact]
    public async Task A_run_publishes_each_epoch_of_its_seeded_curve_and_completes_at_its_maximum()
    {
        Start(Run("run-1", """{"profile":"converges","epochs":10,"seed":5}"""));

        Tick(12);

        var epochs = await PayloadsAsync(TrainingTopics.EpochComplete);
        var curve = LossCurve.For(TrainingProfile.Converges, 10, 5);
        Assert.Equal(Enumerable.Range(1, 10), epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.Equal(curve.At(7).ValidationLoss, epochs[6].GetProperty("validationLoss").GetDouble());
        Assert.Equal("run-1", epochs[6].GetProperty("runId").GetString());
        var complete = Assert.Single(await PayloadsAsync(TrainingTopics.Complete));
        Assert.Equal(("completed", 10), (complete.GetProperty("status").GetString(), complete.GetProperty("epochs").GetInt32()));
    }

    [Fact]
    public async Task A_run_saves_a_checkpoint_every_checkpoint_every_epochs()
    {
        Start(Run("run-1", """{"profile":"converges","epochs":12,"checkpoint-every":4}"""));

        Tick(12);

        Assert.Equal([4, 8, 12], (await PayloadsAsync(TrainingTopics.CheckpointSaved)).Select(e => e.GetProperty("epoch").GetInt32()));
    }

    [Fact]
    public async Task Stop_ends_the_run_with_status_stopped_and_no_more_epochs()
    {
        var run = Start(Run("run-1", """{"profile":"overfits","epochs":30}"""));
        Tick(7);

        var answer = Command(run, TrainingRunAgent.StopCommand, """{"reason":"operator"}""");
        Tick(5);

        Assert.True(answer.Accepted, answer.Message);
        Assert.Equal(7, (await PayloadsAsync(TrainingTopics.EpochComplete)).Count);
        var complete = Assert.Single(await PayloadsAsync(TrainingTopics.Complete));
        Assert.Equal(("stopped", 7), (complete.GetProperty("status").GetString(), complete.GetProperty("epochs").GetInt32()));
    }

    [Fact]
    public void Rollback_restores_the_latest_checkpoint_at_or_before_the_epoch_as_current_and_best()
    {
        var run = Start(Run("run-1", """{"profile":"overfits","epochs":60,"seed":2}"""));
        Tick(40);
        Command(run, TrainingRunAgent.StopCommand);

        var answer = Command(run, TrainingRunAgent.RollbackCommand, """{"epoch":22}""");

        Assert.True(answer.Accepted, answer.Message);
        var status = Status(run);
        var expected = LossCurve.For(TrainingProfile.Overfits, 60, 2).At(20);
        Assert.Equal(20, status.GetProperty("bestEpoch").GetInt32());
        Assert.Equal(expected.ValidationLoss, status.GetProperty("metrics").GetProperty("validationLoss").GetDouble());
        Assert.Equal(expected.ValidationLoss, status.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_running_run_continues_after_the_checkpoint_it_rolled_back_to()
    {
        var run = Start(Run("run-1", """{"profile":"converges","epochs":30}"""));
        Tick(12);

        Command(run, TrainingRunAgent.RollbackCommand, """{"epoch":10}""");
        Tick(1);

        Assert.Equal(11, (await PayloadsAsync(TrainingTopics.EpochComplete))[^1].GetProperty("epoch").GetInt32());
    }

    [Fact]
    public void Rollback_without_a_checkpoint_is_rejected()
    {
        var run = Start(Run("run-1", """{"profile":"converges","epochs":30}"""));
        Tick(3);

        var answer = Command(run, TrainingRunAgent.RollbackCommand, """{"epoch":3}""");

        Assert.False(answer.Accepted);
        Assert.Contains("no checkpoint", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_run_continues_at_the_next_epoch()
    {
        var definition = Run("run-1", """{"profile":"converges","epochs":30}""");
        Start(definition);
        Tick(6);

        Restart(definition);
        Tick(2);

        Assert.Equal(Enumerable.Range(1, 8), (await PayloadsAsync(TrainingTopics.EpochComplete)).Select(e => e.GetProperty("epoch").GetInt32()));
    }

    [Fact]
    public async Task A_finished_run_does_not_run_again_after_a_restart()
    {
        var definition = Run("run-1", """{"profile":"converges","epochs":3}""");
        Start(definition);
        Tick(3);

        var run = Restart(definition);
        Tick(3);

        Assert.Equal(3, (await PayloadsAsync(TrainingTopics.EpochComplete)).Count);
        Assert.Single(await PayloadsAsync(TrainingTopics.Complete));
        Assert.Equal("completed", Status(run).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_restarted_run_that_ran_its_last_epoch_ends_without_running_another()
    {
        Start(Run("run-1", """{"profile":"converges","epochs":10}"""));
        Tick(6);

        Restart(Run("run-1", """{"profile":"converges","epochs":6}"""));
        Tick(2);

        Assert.Equal(6, (await PayloadsAsync(TrainingTopics.EpochComplete)).Count);
        var complete = Assert.Single(await PayloadsAsync(TrainingTopics.Complete));
        Assert.Equal(("completed", 6), (complete.GetProperty("status").GetString(), complete.GetProperty("epochs").GetInt32()));
    }

    [Fact]
    public async Task A_trial_reports_its_optimization_and_trial_and_its_best_validation_loss_as_score()
    {
        Start(Run("opt-1-trial-4", """{"parameters":{"learning_rate":0.001,"dropout":0.3},"optimizationId":"opt-1","trial":4,"epochs":8}"""));

        Tick(8);

        var complete = Assert.Single(await PayloadsAsync(TrainingTopics.Complete));
        var best = (await PayloadsAsync(TrainingTopics.EpochComplete)).Min(e => e.GetProperty("validationLoss").GetDouble());
        Assert.Equal(("opt-1", 4), (complete.GetProperty("optimizationId").GetString(), complete.GetProperty("trial").GetInt32()));
        Assert.Equal(best, complete.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_diverging_run_ends_with_status_diverged_when_its_loss_is_no_longer_a_number()
    {
        Start(Run("run-1", """{"profile":"diverges","epochs":60}"""));

        Tick(40);

        var epochs = await PayloadsAsync(TrainingTopics.EpochComplete);
        var complete = Assert.Single(await PayloadsAsync(TrainingTopics.Complete));
        Assert.Equal("NaN", epochs[^1].GetProperty("trainingLoss").GetString());
        Assert.Equal(("diverged", epochs.Count), (complete.GetProperty("status").GetString(), complete.GetProperty("epochs").GetInt32()));
    }

    [Fact]
    public async Task An_idle_run_waits_for_start_and_then_trains()
    {
        var run = Start(Run("run-1", """{"epochs":5}"""));
        Tick(2);
        Assert.Empty(await PayloadsAsync(TrainingTopics.EpochComplete));

        var answer = Command(run, TrainingRunAgent.StartCommand, """{"parameters":{"learning_rate":0.003},"optimizationId":"opt-2","trial":1}""");
        Tick(5);

        Assert.True(answer.Accepted, answer.Message);
        Assert.Equal(5, (await PayloadsAsync(TrainingTopics.EpochComplete)).Count);
        Assert.Equal("opt-2", Assert.Single(await PayloadsAsync(TrainingTopics.Complete)).GetProperty("optimizationId").GetString());
    }

    [Fact]
    public void Start_on_a_running_run_is_rejected()
    {
        var run = Start(Run("run-1", """{"profile":"converges"}"""));

        var answer = Command(run, TrainingRunAgent.StartCommand, """{"profile":"overfits"}""");

        Assert.False(answer.Accepted);
        Assert.Contains("running already", answer.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"profile":"wobbles"}""", "settings.profile")]
    [InlineData("""{"profile":"converges","parameters":{"dropout":0.2}}""", "settings.profile")]
    [InlineData("""{"parameters":{"learning_rate":-1}}""", "settings.parameters")]
    [InlineData("""{"epochs":0}""", "settings.epochs")]
    [InlineData("""{"epoch-interval":"soon"}""", "settings.epoch-interval")]
    [InlineData("""{"checkpointEvery":0}""", "settings.checkpoint-every")]
    [InlineData("""[1]""", "settings")]
    public void Invalid_settings_are_refused_when_the_props_are_made(string settings, string field)
    {
        var error = Assert.Throws<AgentDefinitionException>(() => Types.PropsFor(Run("run-1", settings)));

        Assert.Equal(field, error.Field);
    }

    private static AgentDefinition Run(string id, string settings) => new(id, TrainingRunAgent.TypeName, Settings: Json(settings));

    private JsonElement Status(Agents.Actors.IActorRef run)
    {
        var answer = Command(run, TrainingRunAgent.StatusCommand);
        Assert.True(answer.Accepted, answer.Message);
        return answer.Result!.Value;
    }
}
