using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Coordination;

/// <summary>The host of one agent, run as the entity of a real shard region, with a probe as its coordinator.</summary>
public sealed class AgentHostSpec : ActorTestKit
{
    private static readonly AgentSupervision Supervision = new(
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), RandomFactor: 0, MaxFailures: 3, FailureWindow: TimeSpan.FromMinutes(1));

    private readonly TestProbe _coordinator;
    private readonly TestProbe _agents;

    public AgentHostSpec(ITestOutputHelper output) : base(output)
    {
        _coordinator = CreateTestProbe("coordinator");
        _agents = CreateTestProbe("agents");
    }

    private IActorRef StartRegion(AgentSupervision? supervision = null)
    {
        var types = TestAgents.Registry(_agents.Ref);
        var settings = ShardingSettings.Default with { PassivateIdleAfter = null, StopMessage = AgentHost.ShutdownMessage };
        return ClusterSharding.Get(Sys).Start(
            "agent-plain", id => AgentHost.Props(id, _coordinator.Ref, types, supervision ?? Supervision), settings);
    }

    /// <summary>Starts the host of agent "a" and its agent from <paramref name="definition"/>; returns the host.</summary>
    private IActorRef StartAgent(IActorRef region, AgentDefinition? definition = null)
    {
        region.Tell(new StartEntity("a"), ActorRefs.NoSender);
        _coordinator.ExpectMsg<AgentHostStarted>(s => s.AgentId == "a");
        var host = _coordinator.LastSender;
        _coordinator.Reply(new StartAgent(definition ?? TestAgents.Plain("a")));
        _coordinator.ExpectMsg<AgentStarted>(s => s.AgentId == "a");
        _agents.ExpectMsg<AgentUp>();
        return host;
    }

    private void Fail(IActorRef region)
    {
        region.Tell(new ShardingEnvelope("a", new AgentCommand("fail")));
        _agents.ExpectMsg<AgentDown>();
    }

    [Fact]
    public void A_new_host_asks_the_coordinator_for_its_agent()
    {
        var region = StartRegion();

        region.Tell(new StartEntity("a"), ActorRefs.NoSender);

        Assert.Equal("a", _coordinator.ExpectMsg<AgentHostStarted>().AgentId);
        _agents.ExpectNoMsg();
    }

    [Fact]
    public void Messages_that_arrive_before_the_definition_reach_the_agent_once_it_runs()
    {
        var region = StartRegion();
        region.Tell(new ShardingEnvelope("a", new AgentCommand("echo")));
        _coordinator.ExpectMsg<AgentHostStarted>();

        _coordinator.Reply(new StartAgent(TestAgents.Plain("a")));

        var answer = ExpectMsg<AgentCommandResult>();
        Assert.Equal(("a", "echo", true), (answer.AgentId, answer.Command, answer.Accepted));
    }

    [Fact]
    public void The_agents_start_and_heartbeats_go_to_the_coordinator()
    {
        var region = StartRegion();
        StartAgent(region);

        Advance(AgentHeartbeat.Default.Interval);

        Assert.Equal("a", _coordinator.ExpectMsg<AgentHeartbeatSignal>().AgentId);
    }

    [Fact]
    public void A_failed_agent_is_reported_and_started_again_as_a_fresh_actor_after_the_minimum_backoff()
    {
        var region = StartRegion();
        StartAgent(region);

        Fail(region);

        var failed = _coordinator.ExpectMsg<AgentFailed>();
        Assert.Equal(("a", 1, TimeSpan.FromSeconds(1)), (failed.AgentId, failed.FailuresInWindow, failed.RestartIn));
        Assert.Contains("told to fail", failed.Reason, StringComparison.Ordinal);
        _agents.ExpectNoMsg(TimeSpan.FromMilliseconds(999));
        Advance(TimeSpan.FromMilliseconds(1));
        _agents.ExpectMsg<AgentUp>();
        _coordinator.ExpectMsg<AgentStarted>();
    }

    [Fact]
    public void The_backoff_doubles_with_each_failure_within_the_window_up_to_the_maximum()
    {
        var region = StartRegion(Supervision with { MaxFailures = 10 });
        StartAgent(region);
        var backoffs = new List<TimeSpan>();

        for (var i = 0; i < 5; i++)
        {
            Fail(region);
            var failed = _coordinator.ExpectMsg<AgentFailed>();
            backoffs.Add(failed.RestartIn);
            Advance(failed.RestartIn);
            _agents.ExpectMsg<AgentUp>();
            _coordinator.ExpectMsg<AgentStarted>();
        }

        Assert.Equal([1, 2, 4, 8, 8], backoffs.Select(b => b.TotalSeconds));
    }

    [Fact]
    public void The_random_factor_adds_at_most_its_share_of_the_backoff()
    {
        var region = StartRegion(Supervision with { RandomFactor = 0.5 });
        StartAgent(region);

        Fail(region);

        var restartIn = _coordinator.ExpectMsg<AgentFailed>().RestartIn;
        Assert.InRange(restartIn, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public void An_agent_that_fails_more_than_max_failures_times_within_the_window_is_given_up()
    {
        var region = StartRegion();
        StartAgent(region);
        for (var i = 1; i <= Supervision.MaxFailures; i++)
        {
            Fail(region);
            Advance(_coordinator.ExpectMsg<AgentFailed>().RestartIn);
            _agents.ExpectMsg<AgentUp>();
            _coordinator.ExpectMsg<AgentStarted>();
        }

        Fail(region);

        var gaveUp = _coordinator.ExpectMsg<AgentGaveUp>();
        Assert.Equal(("a", Supervision.MaxFailures + 1), (gaveUp.AgentId, gaveUp.FailuresInWindow));
        Advance(TimeSpan.FromHours(1));
        _agents.ExpectNoMsg();
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten()
    {
        var region = StartRegion();
        StartAgent(region);
        Fail(region);
        Advance(_coordinator.ExpectMsg<AgentFailed>().RestartIn);
        _agents.ExpectMsg<AgentUp>();
        _coordinator.ExpectMsg<AgentStarted>();

        Advance(Supervision.FailureWindow);
        Fail(region);

        var failed = _coordinator.FishForMessage<AgentFailed>(_ => true);
        Assert.Equal((1, Supervision.MinBackoff), (failed.FailuresInWindow, failed.RestartIn));
    }

    [Fact]
    public void A_command_to_an_agent_that_was_given_up_is_answered_as_rejected()
    {
        var region = StartRegion(Supervision with { MaxFailures = 0 });
        StartAgent(region);
        Fail(region);
        _coordinator.ExpectMsg<AgentGaveUp>();

        region.Tell(new ShardingEnvelope("a", new AgentCommand("echo")));

        var answer = ExpectMsg<AgentCommandResult>();
        Assert.False(answer.Accepted);
        Assert.Contains("failed too often", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_messages_to_an_agent_that_was_given_up_go_to_dead_letters()
    {
        var region = StartRegion(Supervision with { MaxFailures = 0 });
        StartAgent(region);
        Fail(region);
        _coordinator.ExpectMsg<AgentGaveUp>();

        region.Tell(new ShardingEnvelope("a", "status?"));

        ExpectDeadLetter<string>(s => s == "status?");
    }

    [Fact]
    public void Messages_sent_during_the_backoff_reach_the_restarted_agent()
    {
        var region = StartRegion();
        StartAgent(region);
        Fail(region);
        var backoff = _coordinator.ExpectMsg<AgentFailed>().RestartIn;

        region.Tell(new ShardingEnvelope("a", new AgentCommand("echo")));
        ExpectNoMsg();
        Advance(backoff);

        var up = _agents.ExpectMsg<AgentUp>();
        Assert.Equal(up.Instance.ToString(), ExpectMsg<AgentCommandResult>().Message);
    }

    [Fact]
    public void RestartAgent_restarts_the_agent_at_once_and_forgets_its_failures()
    {
        var region = StartRegion();
        StartAgent(region);
        Fail(region);
        Advance(_coordinator.ExpectMsg<AgentFailed>().RestartIn);
        _agents.ExpectMsg<AgentUp>();
        _coordinator.ExpectMsg<AgentStarted>();

        region.Tell(new ShardingEnvelope("a", new RestartAgent("a", "requested")));

        _agents.ExpectMsg<AgentDown>();
        _agents.ExpectMsg<AgentUp>();
        _coordinator.ExpectMsg<AgentStarted>();
        Fail(region);
        Assert.Equal(1, _coordinator.ExpectMsg<AgentFailed>().FailuresInWindow);
    }

    [Fact]
    public void RestartAgent_runs_an_agent_that_was_given_up_again()
    {
        var region = StartRegion(Supervision with { MaxFailures = 0 });
        StartAgent(region);
        Fail(region);
        _coordinator.ExpectMsg<AgentGaveUp>();

        region.Tell(new ShardingEnvelope("a", new RestartAgent("a", "requested")));

        _agents.ExpectMsg<AgentUp>();
        _coordinator.ExpectMsg<AgentStarted>();
    }

    [Fact]
    public void RestartAgent_during_the_backoff_starts_the_agent_without_waiting()
    {
        var region = StartRegion();
        StartAgent(region);
        Fail(region);
        _coordinator.ExpectMsg<AgentFailed>();

        region.Tell(new ShardingEnvelope("a", new RestartAgent("a", "requested")));

        _agents.ExpectMsg<AgentUp>();
        Advance(TimeSpan.FromMinutes(1));
        _agents.ExpectNoMsg();
    }

    [Fact]
    public void StopAgent_stops_the_agent_and_then_the_host()
    {
        var region = StartRegion();
        var host = StartAgent(region);
        Watch(host);

        region.Tell(new ShardingEnvelope("a", new StopAgent("a")));

        _agents.ExpectMsg<AgentDown>();
        ExpectTerminated(host);
    }

    [Fact]
    public void A_host_told_to_stop_before_its_agent_runs_stops_without_starting_it()
    {
        var region = StartRegion();
        region.Tell(new StartEntity("a"), ActorRefs.NoSender);
        _coordinator.ExpectMsg<AgentHostStarted>();
        var host = _coordinator.LastSender;
        Watch(host);

        _coordinator.Reply(new StopAgent("a"));

        ExpectTerminated(host);
        _agents.ExpectNoMsg();
    }

    [Fact]
    public void A_new_definition_restarts_the_agent_with_it()
    {
        var region = StartRegion();
        StartAgent(region);

        region.Tell(new ShardingEnvelope("a", new StartAgent(TestAgents.Plain("a") with { Settings = TestAgents.Json(new { level = 2 }) })));

        _agents.ExpectMsg<AgentDown>();
        _agents.ExpectMsg<AgentUp>();
        region.Tell(new ShardingEnvelope("a", new AgentCommand("echo")));
        Assert.Equal(2, ExpectMsg<AgentCommandResult>().Result!.Value.GetProperty("level").GetInt32());
    }

    [Fact]
    public void The_same_definition_again_leaves_the_agent_running()
    {
        var region = StartRegion();
        StartAgent(region);

        region.Tell(new ShardingEnvelope("a", new StartAgent(TestAgents.Plain("a"))));

        _agents.ExpectNoMsg();
    }

    [Fact]
    public void An_agent_whose_type_is_not_registered_is_given_up()
    {
        var region = StartRegion();
        region.Tell(new StartEntity("a"), ActorRefs.NoSender);
        _coordinator.ExpectMsg<AgentHostStarted>();

        _coordinator.Reply(new StartAgent(new AgentDefinition("a", "missing")));

        var gaveUp = _coordinator.ExpectMsg<AgentGaveUp>();
        Assert.Contains("'missing' is not a registered agent type", gaveUp.Reason, StringComparison.Ordinal);
    }
}
