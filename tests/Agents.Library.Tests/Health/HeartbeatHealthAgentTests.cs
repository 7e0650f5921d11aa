using Agents.Actors;
using Agents.Library.Health;
using Agents.Persistence.Actors;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Health;

public sealed class HeartbeatHealthAgentTests(ITestOutputHelper output) : HealthTestKit(output)
{
    private const string Worker = "worker";
    private const string HealthId = "health";
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);

    private readonly AgentDirectoryDouble _directory = new();

    [Fact]
    public void A_healthy_agent_scores_100_on_the_board_and_raises_no_alert()
    {
        AddWorker();
        var health = StartHealth();

        BeatAndCheck(health, times: 3);

        var entry = AgentHealthBoard.Get(Sys).Find(Worker);
        Assert.Equal((100.0, "healthy"), (entry!.Score, entry.Level));
        Assert.Empty(Alerts());
    }

    [Fact]
    public void The_health_agent_does_not_score_itself()
    {
        AddWorker();
        var health = StartHealth();

        BeatAndCheck(health, times: 1);

        Assert.Null(AgentHealthBoard.Get(Sys).Find(HealthId));
    }

    [Fact]
    public void A_silent_agent_raises_info_once_while_it_stays_at_info()
    {
        AddWorker();
        var health = StartHealth();
        BeatAndCheck(health, times: 1);

        Check(health, times: 3);

        var alert = Assert.Single(Alerts());
        Assert.Equal("alert.info", alert.Topic);
        Assert.Equal(Worker, alert.Payload.GetProperty("agentId").GetString());
        Assert.Equal("info", alert.Payload.GetProperty("level").GetString());
        Assert.Equal(85, alert.Payload.GetProperty("score").GetDouble());
        Assert.Contains("no heartbeat for 30s", alert.Payload.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_agent_raises_an_emergency()
    {
        AddWorker();
        var health = StartHealth();
        _directory.Update(Worker, a => a with { Status = AgentStatus.Failed });

        BeatAndCheck(health, times: 1);

        var alert = Assert.Single(Alerts());
        Assert.Equal(("alert.emergency", 0.0), (alert.Topic, alert.Payload.GetProperty("score").GetDouble()));
    }

    [Fact]
    public async Task Heartbeat_loss_raises_info_warning_and_critical_and_recovery_once_heartbeats_are_back()
    {
        AddWorker();
        var health = StartHealth();
        BeatAndCheck(health, times: 3);

        Check(health, times: 6);
        await ReportFailureAsync(health);
        Check(health, times: 1);
        _directory.Update(Worker, a => a with { Restarts = 1 });
        BeatAndCheck(health, times: 15);

        Assert.Equal(["alert.info", "alert.warning", "alert.critical", "alert.recovered"], Alerts().Select(a => a.Topic));
        Assert.Equal("healthy", AgentHealthBoard.Get(Sys).Find(Worker)!.Level);
    }

    [Fact]
    public async Task Alerts_are_journaled_with_their_reasons()
    {
        AddWorker();
        var health = StartHealth();
        BeatAndCheck(health, times: 1);

        Check(health, times: 3);

        var events = await JournaledAsync(HealthId);
        var raised = Assert.IsType<AlertRaised>(Assert.Single(events));
        Assert.Equal((Worker, "info"), (raised.AgentId, raised.Level));
        Assert.NotEmpty(raised.Reasons);
    }

    [Fact]
    public void An_alert_is_not_raised_again_after_the_health_agent_restarts()
    {
        AddWorker();
        var health = StartHealth();
        BeatAndCheck(health, times: 1);
        Check(health, times: 5);
        Assert.Equal("alert.warning", Alerts()[^1].Topic);

        Watch(health);
        Sys.Stop(health);
        ExpectTerminated(health);
        var restarted = StartHealth();
        Check(restarted, times: 1);

        Assert.Single(Alerts(), a => a.Topic == "alert.warning");
    }

    [Fact]
    public void An_alerted_agent_that_is_deactivated_is_cleared()
    {
        AddWorker();
        var health = StartHealth();
        BeatAndCheck(health, times: 1);
        Check(health, times: 3);

        _directory.Update(Worker, a => a with { Status = AgentStatus.Inactive });
        Check(health, times: 1);

        Assert.Equal(["alert.info", "alert.recovered"], Alerts().Select(a => a.Topic));
        Assert.Null(AgentHealthBoard.Get(Sys).Find(Worker));
    }

    [Fact]
    public void A_check_the_directory_does_not_answer_is_skipped_and_the_next_one_scores()
    {
        AddWorker();
        var health = StartHealth();
        _directory.FailNextList();

        BeatAndCheck(health, times: 1);
        Assert.Null(AgentHealthBoard.Get(Sys).Find(Worker));
        BeatAndCheck(health, times: 1);

        Assert.Equal(100, AgentHealthBoard.Get(Sys).Find(Worker)!.Score);
        Assert.Contains(Logs.Entries.Snapshot(), e => e.EventId.Id == 6101);
        Assert.DoesNotContain(Logs.Entries.Snapshot(), e => e.Exception is TimeoutException && e.EventId.Id != 6101);
    }

    private IActorRef StartHealth()
    {
        _directory.Set(new AgentInfo(new AgentDefinition(HealthId, HeartbeatHealthAgent.TypeName), AgentStatus.Running, Time.GetUtcNow()));
        var definition = new AgentDefinition(HealthId, HeartbeatHealthAgent.TypeName, Settings: Json("""{"check-every":"10s","window":"2m"}"""));
        return StartAgent(Props.Create(() => new HeartbeatHealthAgent(definition, _directory)), HealthId);
    }

    private void AddWorker() =>
        _directory.Set(new AgentInfo(new AgentDefinition(Worker, "worker"), AgentStatus.Running, Time.GetUtcNow()));

    /// <summary>The worker sends a heartbeat, then the health agent checks; <paramref name="times"/> times.</summary>
    private void BeatAndCheck(IActorRef health, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _directory.Update(Worker, a => a with { LastHeartbeat = Time.GetUtcNow() });
            Check(health, times: 1);
        }
    }

    /// <summary>Lets <paramref name="times"/> check periods pass and waits until the health agent handled each check.</summary>
    private void Check(IActorRef health, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Advance(CheckEvery);
            Command(health, AgentBase.PingCommand);
        }
    }

    /// <summary>Reports a heartbeat timeout of the worker on agent.health.failure, as the coordinator does, and waits until the health agent handled it.</summary>
    private async Task ReportFailureAsync(IActorRef health)
    {
        var envelope = await PublishJsonAsync("agent.health.failure",
            """{"agentId":"worker","reason":"heartbeat-timeout","lastSeen":null,"silentFor":"00:01:00","node":"n1","detail":"silent"}""");
        var sender = CreateTestProbe();
        health.Tell(new TopicEvent(HealthId, envelope), sender.Ref);
        sender.ExpectMsg<TopicEventAck>();
    }

    private IReadOnlyList<PublishedEvent> Alerts() =>
        PublishedAsync("alert.*").GetAwaiter().GetResult();
}
