using Agents.Hocon;
using Agents.Library.Health;
using Agents.Persistence.Actors;
using Agents.Persistence.InMemory;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Agents.Recorder;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Health;

/// <summary>The heartbeat health agent on the real agent platform: coordinator, hosts, heartbeats and directory.</summary>
public sealed class HeartbeatHealthPlatformTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private const string Definitions = """
        agents.definitions {
          health { type = heartbeat-health, settings { check-every = 10s } }
          rec { type = recorder }
        }
        """;

    [Fact]
    public async Task The_health_agent_scores_the_running_agents_of_the_platform_but_not_itself()
    {
        var serializer = new JsonEventSerializer(ManifestRegistry.Create(
            [.. AgentCoordinator.EventTypes, typeof(RecordedEvent), typeof(RecorderSnapshot), typeof(AlertRaised), typeof(AlertCleared), typeof(AnomalyDetected)]));
        Sys.AddPersistence(new InMemoryJournal(serializer, null, Sys.TimeProvider), new InMemorySnapshotStore(serializer, Sys.TimeProvider));
        var log = new InMemoryTopicLog(new JsonPayloadSerializer(serializer), Time);
        Sys.AddTopicService(log, log);
        var types = AgentLibrary.Register(RecorderAgent.Register(new AgentTypeRegistry()));
        var platform = Sys.AddAgentPlatform(types, AgentPlatformOptions.FromConfig(Config.Parse(Definitions), types));
        await AwaitAssertAsync(async () => Assert.Equal(AgentStatus.Running, (await platform.GetAsync("health"))?.Status));
        await AwaitAssertAsync(async () => Assert.Equal(AgentStatus.Running, (await platform.GetAsync("rec"))?.Status));

        for (var i = 0; i < 3; i++)
        {
            Advance(TimeSpan.FromSeconds(10));
            await AwaitAssertAsync(async () => Assert.NotNull((await platform.GetAsync("rec"))?.LastHeartbeat));
        }

        AwaitAssert(() => Assert.Equal((100.0, "healthy"), (AgentHealthBoard.Get(Sys).Find("rec")?.Score, AgentHealthBoard.Get(Sys).Find("rec")?.Level)));
        Assert.Null(AgentHealthBoard.Get(Sys).Find("health"));
    }
}
