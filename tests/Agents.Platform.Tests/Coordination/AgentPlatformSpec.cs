using System.Text.Json;
using Agents.Actors;
using Agents.Hocon;
using Agents.Persistence.Actors;
using Agents.Persistence.InMemory;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Coordination;

/// <summary>The coordinator through the agent directory: definitions, journal, restarts, health, commands.</summary>
public sealed class AgentPlatformSpec : ActorTestKit
{
    private const string OneAgent = "agents.definitions { a { type = plain } }";

    private static readonly AgentSupervision QuickSupervision = new(
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), RandomFactor: 0, MaxFailures: 1, FailureWindow: TimeSpan.FromMinutes(1));

    private readonly JsonEventSerializer _serializer = new(TestAgents.Manifests);
    private readonly InMemoryJournal _journal;
    private readonly TestProbe _agents;
    private readonly TestProbe _topics;

    public AgentPlatformSpec(ITestOutputHelper output) : base(output)
    {
        _journal = new InMemoryJournal(_serializer);
        _agents = CreateTestProbe("agents");
        _topics = CreateTestProbe("topics");
    }

    private AgentPlatform StartPlatform(
        string hocon = "", Func<AgentPlatformOptions, AgentPlatformOptions>? adjust = null, ActorSystem? system = null,
        TestProbe? agents = null, bool withTopics = true)
    {
        system ??= Sys;
        system.AddPersistence(_journal, new InMemorySnapshotStore(_serializer, system.TimeProvider));
        if (withTopics)
        {
            system.RegisterExtension<ITopicService>(new RecordingTopicService(_topics.Ref));
        }
        var types = TestAgents.Registry((agents ?? _agents).Ref);
        var options = AgentPlatformOptions.FromConfig(Config.Parse(hocon), types) with
        {
            Supervision = QuickSupervision,
            HeartbeatCheckInterval = TimeSpan.FromSeconds(1),
        };
        return system.AddAgentPlatform(types, adjust is null ? options : adjust(options));
    }

    private Task<T> Bounded<T>(Task<T> task) => task.WaitAsync(TestKitSettings.ExpectTimeout);

    private async Task<List<string>> RegistryManifests()
    {
        var manifests = new List<string>();
        await foreach (var stored in _journal.ReplayMessagesAsync(AgentCoordinator.RegistryPersistenceId, 1, long.MaxValue, long.MaxValue))
        {
            manifests.Add(stored.Manifest);
        }
        return manifests;
    }

    private async Task AwaitStatus(AgentPlatform platform, string id, AgentStatus status) =>
        await AwaitAssertAsync(async () => Assert.Equal(status, (await platform.GetAsync(id))?.Status));

    private static JsonElement HealthDocument(Published published)
    {
        Assert.Equal(AgentHealthFailure.Topic, published.Topic);
        return Assert.IsType<JsonPayload>(published.Payload).Document;
    }

    [Fact]
    public async Task Active_definitions_of_the_configuration_start_and_inactive_ones_do_not()
    {
        var platform = StartPlatform("agents.definitions { a { type = plain }, b { type = plain, active = off } }");

        Assert.Equal("a", _agents.ExpectMsg<AgentUp>().AgentId);
        _agents.ExpectNoMsg();
        await AwaitStatus(platform, "a", AgentStatus.Running);
        Assert.Equal(AgentStatus.Inactive, (await Bounded(platform.GetAsync("b")))!.Status);
    }

    [Fact]
    public async Task The_definitions_of_the_actor_systems_configuration_are_used_when_no_options_are_given()
    {
        await using var system = ActorSystem.Create("configured", Config.Parse(OneAgent), new ManualTimeProvider());
        system.AddPersistence(_journal, new InMemorySnapshotStore(_serializer));

        var platform = system.AddAgentPlatform(TestAgents.Registry(_agents.Ref));

        Assert.Equal("a", _agents.ExpectMsg<AgentUp>().AgentId);
        Assert.Same(platform, system.AgentPlatform());
    }

    [Fact]
    public async Task A_bad_definition_in_the_configuration_stops_the_start_with_an_error_naming_its_path()
    {
        await using var system = ActorSystem.Create("configured", Config.Parse("agents.definitions { monitor-1 { type = x } }"));
        system.AddPersistence(_journal, new InMemorySnapshotStore(_serializer));

        var error = Assert.Throws<HoconException>(() => system.AddAgentPlatform(TestAgents.Registry(_agents.Ref)));

        Assert.Contains(
            "agents.definitions.monitor-1.type: 'x' is not a registered agent type (registered: counting, plain)", error.Message, StringComparison.Ordinal);
        Assert.False(system.TryGetExtension<AgentPlatform>(out _));
        Assert.Empty(await RegistryManifests());
    }

    [Fact]
    public async Task Definitions_activations_and_deactivations_through_the_directory_are_journaled()
    {
        var platform = StartPlatform();

        var defined = await Bounded(platform.DefineAsync(TestAgents.Plain("a", active: false)));
        Assert.Equal(AgentStatus.Inactive, defined.Status);
        _agents.ExpectNoMsg();
        await Bounded(platform.ActivateAsync("a"));
        _agents.ExpectMsg<AgentUp>();
        var deactivated = await Bounded(platform.DeactivateAsync("a"));
        _agents.ExpectMsg<AgentDown>();

        Assert.Equal(AgentStatus.Inactive, deactivated.Status);
        Assert.Equal(["agents.agent-defined", "agents.agent-activated", "agents.agent-deactivated"], await RegistryManifests());
    }

    [Fact]
    public async Task A_new_node_over_the_same_journal_brings_the_active_agents_back_with_their_state()
    {
        await using (var first = ActorSystem.Create("first", new ActorSystemSettings(), new ManualTimeProvider()))
        {
            var firstAgents = CreateTestProbe();
            var platform = StartPlatform(system: first, agents: firstAgents);
            await Bounded(platform.DefineAsync(new AgentDefinition("counter", "counting")));
            await Bounded(platform.DefineAsync(new AgentDefinition("parked", "counting")));
            for (var i = 0; i < 3; i++)
            {
                await Bounded(platform.TellAsync("counter", new AgentCommand("count"), TimeSpan.FromSeconds(5)));
            }
            await Bounded(platform.DeactivateAsync("parked"));
            await first.Terminate();
        }

        var second = StartPlatform();

        var up = _agents.ExpectMsg<AgentUp>();
        Assert.Equal(("counter", 3), (up.AgentId, up.Count));
        _agents.ExpectNoMsg();
        var answer = await Bounded(second.TellAsync("counter", new AgentCommand("get"), TimeSpan.FromSeconds(5)));
        Assert.Equal(3, answer.Result!.Value.GetInt32());
        Assert.Equal(AgentStatus.Inactive, (await Bounded(second.GetAsync("parked")))!.Status);
    }

    [Fact]
    public async Task After_the_first_definition_the_active_flag_set_through_the_directory_wins_over_the_configuration()
    {
        await using (var first = ActorSystem.Create("first", new ActorSystemSettings(), new ManualTimeProvider()))
        {
            var platform = StartPlatform(OneAgent, system: first, agents: CreateTestProbe());
            await Bounded(platform.DeactivateAsync("a"));
            await first.Terminate();
        }

        var second = StartPlatform(OneAgent);

        _agents.ExpectNoMsg();
        Assert.Equal(AgentStatus.Inactive, (await Bounded(second.GetAsync("a")))!.Status);
    }

    [Fact]
    public async Task An_unchanged_configuration_definition_is_not_journaled_again()
    {
        const string Full = """
            agents.definitions.a {
              type = plain, subscribes = ["training.#"], limits.mailbox-capacity = 10
              schedules = [ { name = hourly, every = 1h }, { name = tens, every-events = 10, topic = "x.*" } ]
              heartbeat { interval = 2s, timeout = 7s }
              settings { threshold = 0.25, nested { list = [1, "two", true] } }
            }
            """;
        await using (var first = ActorSystem.Create("first", new ActorSystemSettings(), new ManualTimeProvider()))
        {
            StartPlatform(Full, system: first, agents: CreateTestProbe());
            await first.Terminate();
        }

        var second = StartPlatform(Full);
        _agents.ExpectMsg<AgentUp>();

        await Bounded(second.ListAsync());
        Assert.Equal(["agents.agent-defined"], await RegistryManifests());
    }

    [Fact]
    public async Task A_changed_configuration_definition_is_journaled_and_used()
    {
        await using (var first = ActorSystem.Create("first", new ActorSystemSettings(), new ManualTimeProvider()))
        {
            StartPlatform("agents.definitions { a { type = plain, priority = 1 } }", system: first, agents: CreateTestProbe());
            await first.Terminate();
        }

        var second = StartPlatform("agents.definitions { a { type = plain, priority = 2 } }");

        Assert.Equal(2, (await Bounded(second.GetAsync("a")))!.Definition.Priority);
        Assert.Equal(["agents.agent-defined", "agents.agent-defined"], await RegistryManifests());
    }

    [Fact]
    public async Task An_agent_that_fails_too_often_is_given_up_marked_failed_and_reported()
    {
        var platform = StartPlatform(OneAgent);
        _agents.ExpectMsg<AgentUp>();
        platform.Coordinator.Tell(new SendToAgent("a", new AgentCommand("fail")));
        _agents.ExpectMsg<AgentDown>();
        await AwaitStatus(platform, "a", AgentStatus.Restarting);
        Advance(QuickSupervision.MinBackoff);
        _agents.ExpectMsg<AgentUp>();

        platform.Coordinator.Tell(new SendToAgent("a", new AgentCommand("fail")));

        var health = HealthDocument(_topics.ExpectMsg<Published>());
        Assert.Equal("a", health.GetProperty("agentId").GetString());
        Assert.Equal(AgentHealthFailure.TooManyFailures, health.GetProperty("reason").GetString());
        await AwaitStatus(platform, "a", AgentStatus.Failed);
        var info = (await Bounded(platform.GetAsync("a")))!;
        Assert.Equal(1, info.Restarts);
        Assert.Contains("told to fail", info.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_agent_runs_again_when_restarted_through_the_directory()
    {
        var platform = StartPlatform(OneAgent, o => o with { Supervision = QuickSupervision with { MaxFailures = 0 } });
        _agents.ExpectMsg<AgentUp>();
        platform.Coordinator.Tell(new SendToAgent("a", new AgentCommand("fail")));
        _agents.ExpectMsg<AgentDown>();
        await AwaitStatus(platform, "a", AgentStatus.Failed);

        await Bounded(platform.RestartAsync("a"));

        _agents.ExpectMsg<AgentUp>();
        await AwaitStatus(platform, "a", AgentStatus.Running);
        Assert.Contains("agents.agent-restart-requested", await RegistryManifests());
    }

    [Fact]
    public async Task Activating_an_agent_that_was_given_up_runs_it_again()
    {
        var platform = StartPlatform(OneAgent, o => o with { Supervision = QuickSupervision with { MaxFailures = 0 } });
        _agents.ExpectMsg<AgentUp>();
        platform.Coordinator.Tell(new SendToAgent("a", new AgentCommand("fail")));
        _agents.ExpectMsg<AgentDown>();
        await AwaitStatus(platform, "a", AgentStatus.Failed);

        await Bounded(platform.ActivateAsync("a"));

        _agents.ExpectMsg<AgentUp>();
        await AwaitStatus(platform, "a", AgentStatus.Running);
    }

    [Fact]
    public async Task A_silent_agent_is_reported_with_its_last_seen_time_and_restarted()
    {
        var platform = StartPlatform("agents.definitions { a { type = plain, heartbeat { interval = 1s, timeout = 3s } } }");
        var started = _agents.ExpectMsg<AgentUp>();
        await AwaitStatus(platform, "a", AgentStatus.Running);
        var hang = await Bounded(platform.TellAsync("a", new AgentCommand("hang"), TimeSpan.FromSeconds(5)));
        Assert.True(hang.Accepted);

        for (var i = 0; i < 4; i++)
        {
            Advance(TimeSpan.FromSeconds(1));
        }

        var health = HealthDocument(_topics.ExpectMsg<Published>());
        Assert.Equal("a", health.GetProperty("agentId").GetString());
        Assert.Equal(AgentHealthFailure.HeartbeatTimeout, health.GetProperty("reason").GetString());
        Assert.Equal(TestKitSettings.VirtualStart, health.GetProperty("lastSeen").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromSeconds(4), TimeSpan.Parse(health.GetProperty("silentFor").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(started.Instance, _agents.ExpectMsg<AgentDown>().Instance);
        Assert.NotEqual(started.Instance, _agents.ExpectMsg<AgentUp>().Instance);
        Assert.Contains("agents.agent-restart-requested", await RegistryManifests());
    }

    [Fact]
    public async Task An_agent_that_keeps_sending_heartbeats_is_not_reported()
    {
        var platform = StartPlatform("agents.definitions { a { type = plain, heartbeat { interval = 1s, timeout = 3s } } }");
        _agents.ExpectMsg<AgentUp>();
        await AwaitStatus(platform, "a", AgentStatus.Running);

        for (var i = 0; i < 10; i++)
        {
            Advance(TimeSpan.FromSeconds(1));
        }

        _topics.ExpectNoMsg();
        _agents.ExpectNoMsg();
    }

    [Fact]
    public async Task Without_a_topic_service_a_health_failure_is_logged()
    {
        var platform = StartPlatform(OneAgent, o => o with { Supervision = QuickSupervision with { MaxFailures = 0 } }, withTopics: false);
        _agents.ExpectMsg<AgentUp>();

        await EventFilter.Warning("is only logged").ExpectOneAsync(() =>
        {
            platform.Coordinator.Tell(new SendToAgent("a", new AgentCommand("fail")));
            return Task.CompletedTask;
        });

        await AwaitStatus(platform, "a", AgentStatus.Failed);
    }

    [Fact]
    public async Task TellAsync_reaches_the_agent_and_returns_its_answer()
    {
        var platform = StartPlatform(OneAgent);
        var up = _agents.ExpectMsg<AgentUp>();

        var answer = await Bounded(platform.TellAsync("a", new AgentCommand("echo"), TimeSpan.FromSeconds(5)));

        Assert.Equal(("a", "echo", true, up.Instance.ToString()), (answer.AgentId, answer.Command, answer.Accepted, answer.Message));
    }

    [Fact]
    public async Task TellAsync_to_an_unknown_agent_fails_with_UnknownAgentException()
    {
        var platform = StartPlatform(OneAgent);

        var error = await Assert.ThrowsAsync<UnknownAgentException>(
            () => Bounded(platform.TellAsync("nobody", new AgentCommand("echo"), TimeSpan.FromSeconds(5))));

        Assert.Equal("nobody", error.AgentId);
    }

    [Fact]
    public async Task A_command_to_an_inactive_agent_is_answered_as_rejected()
    {
        var platform = StartPlatform("agents.definitions { a { type = plain, active = off } }");

        var answer = await Bounded(platform.TellAsync("a", new AgentCommand("echo"), TimeSpan.FromSeconds(5)));

        Assert.False(answer.Accepted);
        Assert.Contains("inactive", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_an_agent_needs_a_known_id()
    {
        var platform = StartPlatform();

        await Assert.ThrowsAsync<UnknownAgentException>(() => Bounded(platform.ActivateAsync("nobody")));
        await Assert.ThrowsAsync<UnknownAgentException>(() => Bounded(platform.DeactivateAsync("nobody")));
        await Assert.ThrowsAsync<UnknownAgentException>(() => Bounded(platform.RestartAsync("nobody")));
        Assert.Null(await Bounded(platform.GetAsync("nobody")));
    }

    [Fact]
    public async Task An_invalid_definition_through_the_directory_fails_naming_the_field_and_is_not_journaled()
    {
        var platform = StartPlatform();

        var error = await Assert.ThrowsAsync<AgentDefinitionException>(
            () => Bounded(platform.DefineAsync(new AgentDefinition("a", "plain", Subscribes: ["training.#", "a..b"]))));

        Assert.Equal(("a", "subscribes[1]"), (error.AgentId, error.Field));
        Assert.Empty(await RegistryManifests());
    }

    [Fact]
    public async Task Redefining_a_running_agent_restarts_it_with_the_new_definition()
    {
        var platform = StartPlatform(OneAgent);
        _agents.ExpectMsg<AgentUp>();

        await Bounded(platform.DefineAsync(TestAgents.Plain("a") with { Settings = TestAgents.Json(new { level = 7 }) }));

        _agents.ExpectMsg<AgentDown>();
        _agents.ExpectMsg<AgentUp>();
        var answer = await Bounded(platform.TellAsync("a", new AgentCommand("echo"), TimeSpan.FromSeconds(5)));
        Assert.Equal(7, answer.Result!.Value.GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task The_list_is_ordered_by_id_and_filtered_by_type_and_status()
    {
        var platform = StartPlatform(
            "agents.definitions { c { type = plain }, a { type = plain, active = off }, b { type = counting, active = off } }");
        _agents.ExpectMsg<AgentUp>();

        var all = await Bounded(platform.ListAsync());
        var plain = await Bounded(platform.ListAsync(type: "plain"));
        var inactive = await Bounded(platform.ListAsync(status: AgentStatus.Inactive));

        Assert.Equal(["a", "b", "c"], all.Select(a => a.Definition.Id));
        Assert.Equal(["a", "c"], plain.Select(a => a.Definition.Id));
        Assert.Equal(["a", "b"], inactive.Select(a => a.Definition.Id));
        Assert.Equal(["counting", "plain"], platform.AgentTypes);
    }
}
