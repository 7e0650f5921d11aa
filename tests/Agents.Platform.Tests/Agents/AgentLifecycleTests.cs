using Agents.Actors;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Agents;

public sealed class AgentLifecycleTests(ITestOutputHelper output) : AgentBaseTestKit(output)
{
    private static readonly AgentHeartbeat Heartbeat = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));

    [Fact]
    public void A_started_agent_tells_its_parent_when_it_runs()
    {
        var start = Time.GetUtcNow();
        var definition = new AgentDefinition("monitor-1", "probe");

        Sys.ActorOf(ProbeParent.Props(Props.Create(() => new ProbeAgent(definition, Reports.Ref, null, null)), "monitor-1", Host.Ref));
        Host.ExpectMsg<ChildCreated>();

        Assert.Equal(new AgentStarted("monitor-1", start), Host.ExpectMsg<AgentStarted>());
    }

    [Fact]
    public void The_agent_persists_under_its_agent_persistence_id()
    {
        var agent = StartAgent(Props.Create(() => new ReportingIdAgent(new AgentDefinition("monitor-1", "probe"), Reports.Ref)), "monitor-1");

        agent.Tell("which-id");

        Assert.Equal("agent-monitor-1", Reports.ExpectMsg<string>());
    }

    [Fact]
    public void An_agent_sends_a_heartbeat_to_its_parent_every_interval()
    {
        StartProbeAgent(new AgentDefinition("monitor-1", "probe", Heartbeat: Heartbeat));
        var start = Time.GetUtcNow();

        Advance(Heartbeat.Interval);
        var first = Host.ExpectMsg<AgentHeartbeatSignal>();
        Advance(Heartbeat.Interval);
        var second = Host.ExpectMsg<AgentHeartbeatSignal>();

        Assert.Equal(("monitor-1", start + Heartbeat.Interval), (first.AgentId, first.At));
        Assert.Equal(start + (2 * Heartbeat.Interval), second.At);
    }

    [Fact]
    public void Without_a_heartbeat_setting_the_default_interval_applies()
    {
        StartProbeAgent(new AgentDefinition("monitor-1", "probe"));
        var start = Time.GetUtcNow();

        Advance(AgentHeartbeat.Default.Interval);

        Assert.Equal(start + AgentHeartbeat.Default.Interval, Host.ExpectMsg<AgentHeartbeatSignal>().At);
    }

    [Fact]
    public void An_agent_whose_handler_hangs_sends_no_heartbeat_until_the_handler_returns()
    {
        var hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = StartProbeAgent(new AgentDefinition("monitor-1", "probe", Subscribes: ["training.#"], Heartbeat: Heartbeat), onEvent: _ => hang.Task);
        var deliverer = CreateTestProbe();

        Deliver(agent, "monitor-1", Envelope(1, "training.started"), deliverer);
        Reports.ExpectMsg<EventHandled>();
        Advance(Heartbeat.Interval);
        Advance(Heartbeat.Interval);
        Host.ExpectNoMsg();

        hang.SetResult();
        Host.ExpectMsg<AgentHeartbeatSignal>();
        deliverer.ExpectMsg<TopicEventAck>();
    }

    [Fact]
    public void An_agent_subscribes_durably_under_its_own_id_after_recovery()
    {
        var agent = StartProbeAgent(new AgentDefinition("monitor-1", "probe", Subscribes: ["training.#", "model.convergence.*"]));

        var subscription = Assert.Single(TopicService.Subscriptions);
        Assert.Equal("monitor-1", subscription.SubscriptionId);
        Assert.Equal(["training.#", "model.convergence.*"], subscription.Patterns);
        Assert.Equal(agent, subscription.Subscriber);
    }

    [Fact]
    public void An_agent_without_subscriptions_does_not_subscribe()
    {
        StartProbeAgent(new AgentDefinition("monitor-1", "probe"));

        Assert.Empty(TopicService.Subscriptions);
    }

    [Fact]
    public void A_stopped_agent_ends_its_subscription()
    {
        var agent = StartProbeAgent(new AgentDefinition("monitor-1", "probe", Subscribes: ["training.#"]));
        Watch(agent);

        Sys.Stop(agent);
        ExpectTerminated(agent);

        Assert.True(Assert.Single(TopicService.Subscriptions).IsDisposed);
    }

    [Fact]
    public void A_restarted_agent_subscribes_again_and_tells_its_parent_again()
    {
        var agent = StartProbeAgent(new AgentDefinition("monitor-1", "probe", Subscribes: ["training.#"]), onEvent: _ => throw new InvalidOperationException("boom"));

        Deliver(agent, "monitor-1", Envelope(1, "training.started"), CreateTestProbe());

        Assert.IsType<InvalidOperationException>(Host.ExpectMsg<ChildFailed>().Cause);
        Host.ExpectMsg<AgentStarted>();
        Assert.Equal([true, false], TopicService.Subscriptions.Select(s => s.IsDisposed));
    }

    /// <summary>An agent that answers "which-id" with its persistence id.</summary>
    private sealed class ReportingIdAgent : AgentBase
    {
        public ReportingIdAgent(AgentDefinition definition, IActorRef reports)
            : base(definition) =>
            Command<string>(_ => reports.Tell(PersistenceId));
    }
}
