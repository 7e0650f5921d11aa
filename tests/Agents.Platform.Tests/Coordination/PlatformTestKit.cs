using System.Text.Json;
using Agents.Actors;
using Agents.Hocon;
using Agents.Persistence.Actors;
using Agents.Persistence.InMemory;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Tests.Support;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Coordination;

/// <summary>
/// The base of the coordinator tests: the test's system (and others) get persistence over one shared in-memory journal,
/// a recording topic service and the platform with the test agent types.
/// </summary>
public abstract class PlatformTestKit : ActorTestKit
{
    protected const string OneAgent = "agents.definitions { a { type = plain } }";

    protected static readonly AgentSupervision QuickSupervision = new(
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), RandomFactor: 0, MaxFailures: 1, FailureWindow: TimeSpan.FromMinutes(1));

    protected JsonEventSerializer EventSerializer { get; } = new(TestAgents.Manifests);

    /// <summary>The journal every system of the test writes to: a new system over it is a restarted node.</summary>
    protected InMemoryJournal Journal { get; }

    /// <summary>Where the test agents report their starts and stops.</summary>
    protected TestProbe AgentProbe { get; }

    /// <summary>Where the recording topic service reports publishes.</summary>
    protected TestProbe TopicProbe { get; }

    protected PlatformTestKit(ITestOutputHelper output) : base(output)
    {
        Journal = new InMemoryJournal(EventSerializer);
        AgentProbe = CreateTestProbe("agents");
        TopicProbe = CreateTestProbe("topics");
    }

    protected AgentPlatform StartPlatform(
        string hocon = "", Func<AgentPlatformOptions, AgentPlatformOptions>? adjust = null, ActorSystem? system = null,
        TestProbe? agents = null, bool withTopics = true)
    {
        system ??= Sys;
        system.AddPersistence(Journal, new InMemorySnapshotStore(EventSerializer, system.TimeProvider));
        if (withTopics)
        {
            system.RegisterExtension<ITopicService>(new RecordingTopicService(publications: TopicProbe.Ref));
        }
        var types = TestAgents.Registry((agents ?? AgentProbe).Ref);
        var options = AgentPlatformOptions.FromConfig(Config.Parse(hocon), types) with
        {
            Supervision = QuickSupervision,
            HeartbeatCheckInterval = TimeSpan.FromSeconds(1),
        };
        return system.AddAgentPlatform(types, adjust is null ? options : adjust(options));
    }

    protected Task<T> Bounded<T>(Task<T> task) => task.WaitAsync(TestKitSettings.ExpectTimeout);

    protected async Task<List<string>> RegistryManifests()
    {
        var manifests = new List<string>();
        await foreach (var stored in Journal.ReplayMessagesAsync(AgentCoordinator.RegistryPersistenceId, 1, long.MaxValue, long.MaxValue))
        {
            manifests.Add(stored.Manifest);
        }
        return manifests;
    }

    protected async Task AwaitStatus(AgentPlatform platform, string id, AgentStatus status) =>
        await AwaitAssertAsync(async () => Assert.Equal(status, (await platform.GetAsync(id))?.Status));

    protected static JsonElement HealthDocument(Published published)
    {
        Assert.Equal(AgentHealthFailure.Topic, published.Topic);
        return Assert.IsType<JsonPayload>(published.Payload).Document;
    }
}
