using System.Text.Json;
using Agents.Library.Optimization;
using Agents.Persistence.Actors;
using Agents.Persistence.InMemory;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Agents.Recorder;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Optimization;

/// <summary>The optimizer on the real platform: defined through the directory, launching real agents (recorders stand in for training runs).</summary>
public sealed class OptimizerOnThePlatformTests : ActorTestKit
{
    private readonly AgentPlatform _platform;
    private readonly TestProbe _published;

    public OptimizerOnThePlatformTests(ITestOutputHelper output)
        : base(output)
    {
        var serializer = new JsonPayloadSerializer(new JsonEventSerializer(ManifestRegistry.Create(
            [.. AgentCoordinator.EventTypes, .. HyperparameterOptimizerAgent.EventTypes, typeof(RecordedEvent), typeof(RecorderSnapshot)])));
        Sys.AddPersistence(new InMemoryJournal(serializer, null, Sys.TimeProvider), new InMemorySnapshotStore(serializer, Sys.TimeProvider), serializer: serializer);
        var log = new InMemoryTopicLog(serializer, Sys.TimeProvider);
        var topics = Sys.AddTopicService(log, log);
        _published = CreateTestProbe("published");
        topics.SubscribeLive("published", [TopicPattern.Parse("training.start"), TopicPattern.Parse("optimization.#")], _published.Ref);
        var types = HyperparameterOptimizerAgent.Register(RecorderAgent.Register(new AgentTypeRegistry()));
        _platform = Sys.AddAgentPlatform(types, new AgentPlatformOptions());
    }

    [Fact]
    public async Task A_defined_optimizer_launches_each_trial_as_an_agent_of_the_launch_type()
    {
        using var settings = JsonDocument.Parse("""
            { "space": { "lr": { "kind": "log_uniform", "low": 0.0001, "high": 0.1 } }, "trials": 2, "launch": "recorder",
              "run-settings": { "keep": 5 } }
            """);
        await _platform.DefineAsync(new AgentDefinition("demo-opt", HyperparameterOptimizerAgent.TypeName, Settings: settings.RootElement.Clone()));

        var start = _published.FishForMessage<TopicEvent>(e => e.Envelope.Topic == "training.start");

        Assert.Equal("demo-opt-trial-1", Assert.IsType<JsonPayload>(start.Envelope.Payload).Document.GetProperty("runId").GetString());
        var run = await _platform.GetAsync("demo-opt-trial-1");
        Assert.Equal(("recorder", 5), (run!.Definition.Type, run.Definition.Settings!.Value.GetProperty("keep").GetInt32()));
        await AwaitAssertAsync(async () => Assert.Equal(AgentStatus.Running, (await _platform.GetAsync("demo-opt-trial-1"))!.Status));
    }
}
