using Agents.Actors;
using Agents.Hocon;
using Agents.Persistence.Actors;
using Agents.Persistence.InMemory;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Coordination;

/// <summary>The agent directory (AgentPlatform) over the coordinator: definitions, activation, commands, listing.</summary>
public sealed class AgentDirectorySpec(ITestOutputHelper output) : PlatformTestKit(output)
{
    [Fact]
    public async Task Active_definitions_of_the_configuration_start_and_inactive_ones_do_not()
    {
        var platform = StartPlatform("agents.definitions { a { type = plain }, b { type = plain, active = off } }");

        Assert.Equal("a", AgentProbe.ExpectMsg<AgentUp>().AgentId);
        AgentProbe.ExpectNoMsg();
        await AwaitStatus(platform, "a", AgentStatus.Running);
        Assert.Equal(AgentStatus.Inactive, (await Bounded(platform.GetAsync("b")))!.Status);
    }

    [Fact]
    public async Task The_definitions_of_the_actor_systems_configuration_are_used_when_no_options_are_given()
    {
        await using var system = ActorSystem.Create("configured", Config.Parse(OneAgent), new ManualTimeProvider());
        system.AddPersistence(Journal, new InMemorySnapshotStore(EventSerializer));

        var platform = system.AddAgentPlatform(TestAgents.Registry(AgentProbe.Ref));

        Assert.Equal("a", AgentProbe.ExpectMsg<AgentUp>().AgentId);
        Assert.Same(platform, system.AgentPlatform());
    }

    [Fact]
    public async Task A_bad_definition_in_the_configuration_stops_the_start_with_an_error_naming_its_path()
    {
        await using var system = ActorSystem.Create("configured", Config.Parse("agents.definitions { monitor-1 { type = x } }"));
        system.AddPersistence(Journal, new InMemorySnapshotStore(EventSerializer));

        var error = Assert.Throws<HoconException>(() => system.AddAgentPlatform(TestAgents.Registry(AgentProbe.Ref)));

        Assert.Contains(
            "agents.definitions.monitor-1.type: 'x' is not a registered agent type (registered: counting, plain)", error.Message, StringComparison.Ordinal);
        Assert.False(system.TryGetExtension<AgentPlatform>(out _));
        Assert.Empty(await RegistryManifests());
    }

    [Fact]
    public void Definitions_given_in_code_are_checked_when_the_platform_is_added()
    {
        Sys.AddPersistence(Journal, new InMemorySnapshotStore(EventSerializer));
        var types = TestAgents.Registry(AgentProbe.Ref);

        var invalid = Assert.Throws<AgentDefinitionException>(() => Sys.AddAgentPlatform(
            types, AgentPlatformOptions.Default with { Definitions = [new AgentDefinition("a", "plain", Limits: new AgentLimits(0))] }));
        var twice = Assert.Throws<ArgumentException>(() => Sys.AddAgentPlatform(
            types, AgentPlatformOptions.Default with { Definitions = [TestAgents.Plain("a"), TestAgents.Plain("a")] }));

        Assert.Equal("limits.mailboxCapacity", invalid.Field);
        Assert.Contains("defines agent 'a' twice", twice.Message, StringComparison.Ordinal);
        Assert.False(Sys.TryGetExtension<AgentPlatform>(out _));
    }

    [Fact]
    public void A_system_without_persistence_cannot_have_the_platform()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sys.AddAgentPlatform(TestAgents.Registry(AgentProbe.Ref)));

        Assert.Contains("has no persistence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_that_does_not_know_the_coordinators_events_fails_a_definition_with_the_fix()
    {
        var serializer = new JsonEventSerializer(ManifestRegistry.Create());
        Sys.AddPersistence(new InMemoryJournal(serializer), new InMemorySnapshotStore(serializer));
        var platform = Sys.AddAgentPlatform(TestAgents.Registry(AgentProbe.Ref));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Bounded(platform.DefineAsync(TestAgents.Plain("a"))));

        Assert.Contains("add AgentCoordinator.EventTypes to the ManifestRegistry", error.Message, StringComparison.Ordinal);
        Assert.Null(await Bounded(platform.GetAsync("a")));
        AgentProbe.ExpectNoMsg();
    }

    [Fact]
    public async Task Definitions_activations_and_deactivations_through_the_directory_are_journaled()
    {
        var platform = StartPlatform();

        var defined = await Bounded(platform.DefineAsync(TestAgents.Plain("a", active: false)));
        Assert.Equal(AgentStatus.Inactive, defined.Status);
        AgentProbe.ExpectNoMsg();
        await Bounded(platform.ActivateAsync("a"));
        AgentProbe.ExpectMsg<AgentUp>();
        var deactivated = await Bounded(platform.DeactivateAsync("a"));
        AgentProbe.ExpectMsg<AgentDown>();

        Assert.Equal(AgentStatus.Inactive, deactivated.Status);
        Assert.Equal(["agents.agent-defined", "agents.agent-activated", "agents.agent-deactivated"], await RegistryManifests());
    }

    [Fact]
    public async Task TellAsync_reaches_the_agent_and_returns_its_answer()
    {
        var platform = StartPlatform(OneAgent);
        var up = AgentProbe.ExpectMsg<AgentUp>();

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
        AgentProbe.ExpectMsg<AgentUp>();

        await Bounded(platform.DefineAsync(TestAgents.Plain("a") with { Settings = TestAgents.Json(new { level = 7 }) }));

        AgentProbe.ExpectMsg<AgentDown>();
        AgentProbe.ExpectMsg<AgentUp>();
        var answer = await Bounded(platform.TellAsync("a", new AgentCommand("echo"), TimeSpan.FromSeconds(5)));
        Assert.Equal(7, answer.Result!.Value.GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task The_list_is_ordered_by_id_and_filtered_by_type_and_status()
    {
        var platform = StartPlatform(
            "agents.definitions { c { type = plain }, a { type = plain, active = off }, b { type = counting, active = off } }");
        AgentProbe.ExpectMsg<AgentUp>();

        var all = await Bounded(platform.ListAsync());
        var plain = await Bounded(platform.ListAsync(type: "plain"));
        var inactive = await Bounded(platform.ListAsync(status: AgentStatus.Inactive));

        Assert.Equal(["a", "b", "c"], all.Select(a => a.Definition.Id));
        Assert.Equal(["a", "c"], plain.Select(a => a.Definition.Id));
        Assert.Equal(["a", "b"], inactive.Select(a => a.Definition.Id));
        Assert.Equal(["counting", "plain"], platform.AgentTypes);
    }
}
