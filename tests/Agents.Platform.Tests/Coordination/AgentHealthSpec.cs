using Agents.Actors;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Tests.Support;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Coordination;

/// <summary>Failing and silent agents: restarts, giving up, reports on agent.health.failure.</summary>
public sealed class AgentHealthSpec(ITestOutputHelper output) : PlatformTestKit(output)
{
    [Fact]
    public async Task An_agent_that_fails_too_often_is_given_up_marked_failed_and_reported()
    {
        var platform = StartPlatform(OneAgent);
        AgentProbe.ExpectMsg<AgentUp>();
        platform.Coordinator.Tell(new SendToAgent("a", new AgentCommand("fail")));
        AgentProbe.ExpectMsg<AgentDown>();
        await AwaitStatus(platform, "a", AgentStatus.Restarting);
        Advance(QuickSupervision.MinBackoff);
        AgentProbe.ExpectMsg<AgentUp>();

        platform.Coordinator.Tell(new SendToAgent("a", new AgentCommand("fail")));

        var health = HealthDocument(TopicProbe.ExpectMsg<Published>());
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
        AgentProbe.ExpectMsg<AgentUp>();
        platform.Coordinator.Tell(new SendToAgent("a", new AgentCommand("fail")));
        AgentProbe.ExpectMsg<AgentDown>();
        await AwaitStatus(platform, "a", AgentStatus.Failed);

        await Bounded(platform.RestartAsync("a"));

        AgentProbe.ExpectMsg<AgentUp>();
        await AwaitStatus(platform, "a", AgentStatus.Running);
        Assert.Contains("agents.agent-restart-requested", await RegistryManifests());
    }

    [Fact]
    public async Task Activating_an_agent_that_was_given_up_runs_it_again()
    {
        var platform = StartPlatform(OneAgent, o => o with { Supervision = QuickSupervision with { MaxFailures = 0 } });
        AgentProbe.ExpectMsg<AgentUp>();
        platform.Coordinator.Tell(new SendToAgent("a", new AgentCommand("fail")));
        AgentProbe.ExpectMsg<AgentDown>();
        await AwaitStatus(platform, "a", AgentStatus.Failed);

        await Bounded(platform.ActivateAsync("a"));

        AgentProbe.ExpectMsg<AgentUp>();
        await AwaitStatus(platform, "a", AgentStatus.Running);
    }

    [Fact]
    public async Task A_silent_agent_is_reported_with_its_last_seen_time_and_restarted()
    {
        var platform = StartPlatform("agents.definitions { a { type = plain, heartbeat { interval = 1s, timeout = 3s } } }");
        var started = AgentProbe.ExpectMsg<AgentUp>();
        await AwaitStatus(platform, "a", AgentStatus.Running);
        var hang = await Bounded(platform.TellAsync("a", new AgentCommand("hang"), TimeSpan.FromSeconds(5)));
        Assert.True(hang.Accepted);

        for (var i = 0; i < 4; i++)
        {
            Advance(TimeSpan.FromSeconds(1));
        }

        var health = HealthDocument(TopicProbe.ExpectMsg<Published>());
        Assert.Equal("a", health.GetProperty("agentId").GetString());
        Assert.Equal(AgentHealthFailure.HeartbeatTimeout, health.GetProperty("reason").GetString());
        Assert.Equal(TestKitSettings.VirtualStart, health.GetProperty("lastSeen").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromSeconds(4), TimeSpan.Parse(health.GetProperty("silentFor").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(started.Instance, AgentProbe.ExpectMsg<AgentDown>().Instance);
        Assert.NotEqual(started.Instance, AgentProbe.ExpectMsg<AgentUp>().Instance);
        Assert.Contains("agents.agent-restart-requested", await RegistryManifests());
    }

    [Fact]
    public async Task An_agent_that_keeps_sending_heartbeats_is_not_reported()
    {
        var platform = StartPlatform("agents.definitions { a { type = plain, heartbeat { interval = 1s, timeout = 3s } } }");
        AgentProbe.ExpectMsg<AgentUp>();
        await AwaitStatus(platform, "a", AgentStatus.Running);

        for (var i = 0; i < 10; i++)
        {
            Advance(TimeSpan.FromSeconds(1));
        }

        TopicProbe.ExpectNoMsg();
        AgentProbe.ExpectNoMsg();
    }

    [Fact]
    public async Task Without_a_topic_service_a_health_failure_is_logged()
    {
        var platform = StartPlatform(OneAgent, o => o with { Supervision = QuickSupervision with { MaxFailures = 0 } }, withTopics: false);
        AgentProbe.ExpectMsg<AgentUp>();

        await EventFilter.Warning("is only logged").ExpectOneAsync(() =>
        {
            platform.Coordinator.Tell(new SendToAgent("a", new AgentCommand("fail")));
            return Task.CompletedTask;
        });

        await AwaitStatus(platform, "a", AgentStatus.Failed);
    }
}
