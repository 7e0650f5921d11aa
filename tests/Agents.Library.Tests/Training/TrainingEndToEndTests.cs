using Agents.Library.Training;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Training;

/// <summary>A training run and a convergence monitor on one node with the real platform and topic service.</summary>
public sealed class TrainingEndToEndTests(ITestOutputHelper output) : TrainingTestKit(output)
{
    private const string RunId = "run-overfits";

    [Fact]
    public async Task The_monitor_stops_an_overfitting_run_early_and_rolls_it_back_to_its_best_epoch()
    {
        var platform = Sys.AddAgentPlatform(Types, AgentPlatformOptions.Default with
        {
            Definitions =
            [
                new AgentDefinition(RunId, TrainingRunAgent.TypeName, Settings: Json("""{"profile":"overfits","epochs":60,"epoch-interval":"1s"}""")),
                new AgentDefinition("monitor", ConvergenceMonitorAgent.TypeName, Subscribes: [TrainingTopics.EpochComplete]),
            ],
        });
        await AwaitRunningAsync(platform, RunId);
        await AwaitRunningAsync(platform, "monitor");

        Tick(60);

        await AwaitAssertAsync(async () => Assert.Single(await PayloadsAsync(TrainingTopics.Complete)));
        var stop = Assert.Single(await PayloadsAsync(TrainingTopics.EarlyStop));
        var complete = Assert.Single(await PayloadsAsync(TrainingTopics.Complete));
        Assert.Equal("stopped", complete.GetProperty("status").GetString());
        Assert.InRange(complete.GetProperty("epochs").GetInt32(), stop.GetProperty("epoch").GetInt32(), 59);
        var topics = await TopicsAsync();
        Assert.True(topics.IndexOf(TrainingTopics.EarlyStop) < topics.IndexOf(TrainingTopics.Complete), "the early stop is published before the run reports it stopped");
        await AwaitAssertAsync(async () =>
        {
            var status = (await platform.TellAsync(RunId, new AgentCommand(TrainingRunAgent.StatusCommand), TimeSpan.FromSeconds(3))).Result!.Value;
            Assert.Equal("stopped", status.GetProperty("status").GetString());
            Assert.Equal(stop.GetProperty("bestEpoch").GetInt32(), status.GetProperty("bestEpoch").GetInt32());
        });
    }

    [Fact]
    public async Task A_converging_run_is_found_converged_and_completes_without_an_early_stop()
    {
        await StartAsync("run-converges", "converges");

        Tick(60);

        await AwaitAssertAsync(async () => Assert.Single(await PayloadsAsync(TrainingTopics.Complete)));
        Assert.Equal("completed", Assert.Single(await PayloadsAsync(TrainingTopics.Complete)).GetProperty("status").GetString());
        Assert.Equal("run-converges", Assert.Single(await PayloadsAsync(TrainingTopics.ConvergenceDetected)).GetProperty("runId").GetString());
        Assert.Empty(await PayloadsAsync(TrainingTopics.EarlyStop));
    }

    [Fact]
    public async Task A_diverging_run_is_reported_as_exploded_and_stopped_by_the_monitor()
    {
        await StartAsync("run-diverges", "diverges");

        Tick(60);

        await AwaitAssertAsync(async () => Assert.Single(await PayloadsAsync(TrainingTopics.Complete)));
        Assert.Equal("loss_exploded", Assert.Single(await PayloadsAsync(TrainingTopics.Diverged)).GetProperty("reason").GetString());
        Assert.Equal("stopped", Assert.Single(await PayloadsAsync(TrainingTopics.Complete)).GetProperty("status").GetString());
    }

    private async Task StartAsync(string runId, string profile)
    {
        var platform = Sys.AddAgentPlatform(Types, AgentPlatformOptions.Default with
        {
            Definitions =
            [
                new AgentDefinition(runId, TrainingRunAgent.TypeName, Settings: Json($$"""{"profile":"{{profile}}","epochs":60}""")),
                new AgentDefinition("monitor", ConvergenceMonitorAgent.TypeName, Subscribes: [TrainingTopics.EpochComplete]),
            ],
        });
        await AwaitRunningAsync(platform, runId);
        await AwaitRunningAsync(platform, "monitor");
    }

    private async Task AwaitRunningAsync(AgentPlatform platform, string id) =>
        await AwaitAssertAsync(async () => Assert.Equal(AgentStatus.Running, (await platform.GetAsync(id))?.Status));
}
