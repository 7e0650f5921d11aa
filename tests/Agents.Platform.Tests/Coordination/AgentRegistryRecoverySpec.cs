using Agents.Actors;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Coordination;

/// <summary>The coordinator's journal as the platform's memory: a new node over the same journal, and the configuration over it.</summary>
public sealed class AgentRegistryRecoverySpec(ITestOutputHelper output) : PlatformTestKit(output)
{
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

        var up = AgentProbe.ExpectMsg<AgentUp>();
        Assert.Equal(("counter", 3), (up.AgentId, up.Count));
        AgentProbe.ExpectNoMsg();
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

        AgentProbe.ExpectNoMsg();
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
            // Answered only once the configuration's definitions are journaled.
            await Bounded(StartPlatform(Full, system: first, agents: CreateTestProbe()).ListAsync());
            await first.Terminate();
        }

        var second = StartPlatform(Full);
        AgentProbe.ExpectMsg<AgentUp>();

        await Bounded(second.ListAsync());
        Assert.Equal(["agents.agent-defined"], await RegistryManifests());
    }

    [Fact]
    public async Task A_changed_configuration_definition_is_journaled_and_used()
    {
        await using (var first = ActorSystem.Create("first", new ActorSystemSettings(), new ManualTimeProvider()))
        {
            await Bounded(StartPlatform("agents.definitions { a { type = plain, priority = 1 } }", system: first, agents: CreateTestProbe()).ListAsync());
            await first.Terminate();
        }

        var second = StartPlatform("agents.definitions { a { type = plain, priority = 2 } }");

        Assert.Equal(2, (await Bounded(second.GetAsync("a")))!.Definition.Priority);
        Assert.Equal(["agents.agent-defined", "agents.agent-defined"], await RegistryManifests());
    }
}
