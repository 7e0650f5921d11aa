using System.Text.Json;
using Agents.Library.Training;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Training;

public sealed class ConvergenceMonitorAgentTests : TrainingTestKit
{
    private const string RunId = "run-7";
    private readonly RecordingDirectory _directory = new();
    private int _syncs;

    public ConvergenceMonitorAgentTests(ITestOutputHelper output)
        : base(output) => Sys.RegisterExtension<IAgentDirectory>(_directory);

    [Fact]
    public async Task Validation_loss_that_stops_improving_after_epoch_30_stops_the_run_at_epoch_60()
    {
        Start(Monitor());

        for (var epoch = 1; epoch <= 70; epoch++)
        {
            var validation = epoch <= 30 ? 1.0 - (0.01 * epoch) : 0.7 + (0.01 * (epoch - 30));
            await PublishEpochAsync(RunId, epoch, 1.0 - (0.005 * epoch), validation);
        }

        await SyncAsync();
        var stop = Assert.Single(await PayloadsAsync(TrainingTopics.EarlyStop));
        Assert.Equal((RunId, "overfitting_detected", 60, 30), (Text(stop, "runId"), Text(stop, "reason"), Int(stop, "epoch"), Int(stop, "bestEpoch")));
        Assert.Equal(0.7, stop.GetProperty("bestValidationLoss").GetDouble(), 9);
    }

    [Fact]
    public async Task An_early_stop_tells_the_run_to_stop_and_then_to_roll_back_to_the_best_epoch()
    {
        Start(Monitor());

        await PublishChecksAsync(1.0, 0.8, 0.6, 0.7, 0.75, 0.8);

        AwaitAssert(() => Assert.Equal(2, _directory.Told.Count));
        var told = _directory.Told.ToArray();
        Assert.Equal((RunId, TrainingRunAgent.StopCommand), (told[0].AgentId, told[0].Command.Name));
        Assert.Equal((RunId, TrainingRunAgent.RollbackCommand), (told[1].AgentId, told[1].Command.Name));
        Assert.Equal(30, told[1].Command.Arguments!.Value.GetProperty("epoch").GetInt32());
    }

    [Fact]
    public async Task Patience_starts_again_when_validation_loss_improves()
    {
        Start(Monitor());

        await PublishChecksAsync(1.0, 0.8, 0.6, 0.7, 0.65, 0.5, 0.6, 0.55, 0.65, 0.7);

        await SyncAsync();
        var stop = Assert.Single(await PayloadsAsync(TrainingTopics.EarlyStop));
        Assert.Equal((90, 60), (Int(stop, "epoch"), Int(stop, "bestEpoch")));
    }

    [Fact]
    public async Task An_improvement_smaller_than_min_delta_does_not_count()
    {
        Start(Monitor("""{"min-delta":0.05}"""));

        await PublishChecksAsync(1.0, 0.8, 0.78, 0.77, 0.76);

        await SyncAsync();
        var stop = Assert.Single(await PayloadsAsync(TrainingTopics.EarlyStop));
        Assert.Equal((50, 20), (Int(stop, "epoch"), Int(stop, "bestEpoch")));
    }

    [Fact]
    public async Task A_plateau_is_reported_as_convergence_once_with_the_final_metrics()
    {
        Start(Monitor());

        await PublishChecksAsync(1.0, 0.6, 0.5, 0.495, 0.492, 0.491, 0.4905);

        await SyncAsync();
        var converged = Assert.Single(await PayloadsAsync(TrainingTopics.ConvergenceDetected));
        Assert.Equal((RunId, "validation_plateau", 50), (Text(converged, "runId"), Text(converged, "reason"), Int(converged, "epoch")));
        Assert.Equal(0.492, converged.GetProperty("metrics").GetProperty("validationLoss").GetDouble());
        Assert.Empty(await PayloadsAsync(TrainingTopics.EarlyStop));
        Assert.Empty(_directory.Told);
    }

    [Fact]
    public async Task A_nan_loss_is_reported_as_divergence_and_stops_the_run()
    {
        Start(Monitor());

        await PublishEpochAsync(RunId, 1, 2.0, 2.1);
        await PublishEpochAsync(RunId, 2, double.NaN, double.NaN);

        await SyncAsync();
        var diverged = Assert.Single(await PayloadsAsync(TrainingTopics.Diverged));
        Assert.Equal(("nan_loss", 2, "NaN"), (Text(diverged, "reason"), Int(diverged, "epoch"), Text(diverged, "trainingLoss")));
        AwaitAssert(() => Assert.Equal(TrainingRunAgent.StopCommand, Assert.Single(_directory.Told).Command.Name));
    }

    [Fact]
    public async Task A_loss_above_the_divergence_factor_times_the_first_is_reported_as_exploded()
    {
        Start(Monitor());

        await PublishEpochAsync(RunId, 1, 2.0, 2.1);
        await PublishEpochAsync(RunId, 2, 5.0, 5.1);
        await PublishEpochAsync(RunId, 3, 25.0, 26.0);

        await SyncAsync();
        var diverged = Assert.Single(await PayloadsAsync(TrainingTopics.Diverged));
        Assert.Equal(("loss_exploded", 3, 25.0), (Text(diverged, "reason"), Int(diverged, "epoch"), diverged.GetProperty("trainingLoss").GetDouble()));
    }

    [Fact]
    public async Task A_run_no_agent_has_is_an_external_job_whose_early_stop_is_only_published()
    {
        _directory.Unknown[RunId] = true;
        Start(Monitor());

        await PublishChecksAsync(1.0, 0.8, 0.9, 0.9, 0.9);

        await SyncAsync();
        Assert.Single(await PayloadsAsync(TrainingTopics.EarlyStop));
        AwaitAssert(() => Assert.Contains(Logs.Entries.Snapshot(), e => e.EventId.Id == 6113));
        Assert.Empty(_directory.Told);
    }

    [Fact]
    public async Task A_restarted_monitor_continues_counting_where_it_was()
    {
        var monitor = Monitor();
        Start(monitor);
        await PublishChecksAsync(1.0, 0.8, 0.6, 0.7);
        await SyncAsync();

        Restart(monitor);
        await PublishEpochAsync(RunId, 50, 0.5, 0.75);
        await PublishEpochAsync(RunId, 60, 0.5, 0.8);

        await SyncAsync();
        var stop = Assert.Single(await PayloadsAsync(TrainingTopics.EarlyStop));
        Assert.Equal((60, 30), (Int(stop, "epoch"), Int(stop, "bestEpoch")));
    }

    [Fact]
    public async Task A_decision_is_journaled_with_its_reason_and_not_repeated_after_a_restart()
    {
        var monitor = Monitor();
        Start(monitor);
        await PublishChecksAsync(1.0, 0.8, 0.9, 1.0, 1.1);
        await SyncAsync();
        AwaitAssert(() => Assert.Equal(2, _directory.Told.Count));

        Restart(monitor);
        await PublishEpochAsync(RunId, 50, 0.5, 0.9);
        await PublishEpochAsync(RunId, 60, 0.5, 0.95);
        await PublishEpochAsync(RunId, 70, 0.5, 0.99);

        await SyncAsync();
        Assert.Single(await PayloadsAsync(TrainingTopics.EarlyStop));
        var decision = Assert.Single((await JournaledAsync("monitor")).OfType<TrainingDecision>());
        Assert.Equal((RunId, TrainingTopics.EarlyStop, "overfitting_detected", 50), (decision.RunId, decision.Topic, decision.Reason, decision.Epoch));
        Assert.Equal(2, _directory.Told.Count);
    }

    [Fact]
    public async Task An_epoch_without_a_run_id_is_ignored_and_the_monitor_carries_on()
    {
        Start(Monitor());

        await Sys.Topics().PublishAsync(TrainingTopics.EpochComplete, new Persistence.Serialization.JsonPayload(Json("""{"epoch":10,"validationLoss":1}""")), "job");
        await PublishChecksAsync(1.0, 0.9, 0.95, 0.95, 0.95);

        await SyncAsync();
        Assert.Single(await PayloadsAsync(TrainingTopics.EarlyStop));
        Assert.Contains(Logs.Entries.Snapshot(), e => e.EventId.Id == 6112);
    }

    [Theory]
    [InlineData("""{"check-every":0}""", "settings.check-every")]
    [InlineData("""{"patience":0}""", "settings.patience")]
    [InlineData("""{"tolerance":0}""", "settings.tolerance")]
    [InlineData("""{"divergenceFactor":1}""", "settings.divergence-factor")]
    [InlineData("""{"plateau-window":1}""", "settings.plateau-window")]
    [InlineData("""{"min-delta":-1}""", "settings.min-delta")]
    public void Invalid_settings_are_refused_when_the_props_are_made(string settings, string field)
    {
        var error = Assert.Throws<AgentDefinitionException>(() => Types.PropsFor(Monitor(settings)));

        Assert.Equal(field, error.Field);
    }

    private static AgentDefinition Monitor(string settings = "{}") =>
        new("monitor", ConvergenceMonitorAgent.TypeName, Subscribes: [TrainingTopics.EpochComplete], Settings: Json(settings));

    /// <summary>Publishes the validation losses of the checks at epochs 10, 20, ... of <see cref="RunId"/>.</summary>
    private async Task PublishChecksAsync(params double[] validation)
    {
        for (var i = 0; i < validation.Length; i++)
        {
            await PublishEpochAsync(RunId, (i + 1) * 10, 0.5, validation[i]);
        }
    }

    /// <summary>
    /// Returns once the monitor handled everything published before: it handles events in order, so a check of a
    /// new run journaled means the earlier events are done.
    /// </summary>
    private async Task SyncAsync()
    {
        var sync = $"sync-{++_syncs}";
        await PublishEpochAsync(sync, 10, 1, 1);
        await AwaitAssertAsync(async () =>
            Assert.Contains(await JournaledAsync("monitor"), e => e is ValidationChecked check && check.RunId == sync));
    }

    private static string? Text(JsonElement document, string name) => document.GetProperty(name).GetString();

    private static int Int(JsonElement document, string name) => document.GetProperty(name).GetInt32();
}
