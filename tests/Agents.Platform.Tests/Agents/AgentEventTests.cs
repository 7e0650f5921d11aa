using Agents.Persistence.Topics;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Agents;

public sealed class AgentEventTests(ITestOutputHelper output) : AgentBaseTestKit(output)
{
    private static readonly AgentDefinition Definition = new("listener", "probe", Subscribes: ["training.#"]);

    [Fact]
    public void A_topic_event_reaches_the_handler_and_is_acknowledged_to_its_sender()
    {
        var agent = StartProbeAgent(Definition);
        var deliverer = CreateTestProbe();

        Deliver(agent, "listener", Envelope(7, "training.started"), deliverer);

        Assert.Equal(new EventHandled("training.started", 7), Reports.ExpectMsg<EventHandled>());
        Assert.Equal(new TopicEventAck("listener", new TopicOffset(7, 7)), deliverer.ExpectMsg<TopicEventAck>());
    }

    [Fact]
    public void The_acknowledgement_waits_until_the_handler_has_finished()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = StartProbeAgent(Definition, onEvent: _ => release.Task);
        var deliverer = CreateTestProbe();

        Deliver(agent, "listener", Envelope(1, "training.started"), deliverer);
        Reports.ExpectMsg<EventHandled>();
        deliverer.ExpectNoMsg();
        release.SetResult();

        deliverer.ExpectMsg<TopicEventAck>();
    }

    [Fact]
    public void A_repeated_event_is_acknowledged_but_not_handled_again()
    {
        var agent = StartProbeAgent(Definition);
        var deliverer = CreateTestProbe();

        Deliver(agent, "listener", Envelope(1, "training.started"), deliverer);
        Deliver(agent, "listener", Envelope(1, "training.started"), deliverer);
        Deliver(agent, "listener", Envelope(2, "training.finished"), deliverer);

        Assert.Equal([1L, 1L, 2L], deliverer.ReceiveN(3).Cast<TopicEventAck>().Select(a => a.Offset.Sequence));
        Assert.Equal(1, Reports.ExpectMsg<EventHandled>().DeliveryId);
        Assert.Equal(2, Reports.ExpectMsg<EventHandled>().DeliveryId);
    }

    [Fact]
    public void An_event_behind_the_highest_handled_offset_counts_as_a_repeat_even_with_a_new_delivery_id()
    {
        var agent = StartProbeAgent(Definition);
        var deliverer = CreateTestProbe();
        var late = new TopicEnvelope(new TopicOffset(1, 9), "training.late", "json", new object(), Time.GetUtcNow(), "tester");

        Deliver(agent, "listener", Envelope(5, "training.started"), deliverer);
        Deliver(agent, "listener", late, deliverer);
        Deliver(agent, "listener", Envelope(6, "training.finished"), deliverer);
        deliverer.ReceiveN(3);

        Assert.Equal(5, Reports.ExpectMsg<EventHandled>().DeliveryId);
        Assert.Equal(6, Reports.ExpectMsg<EventHandled>().DeliveryId);
    }

    [Fact]
    public void Repeats_are_tracked_per_subscription()
    {
        var agent = StartProbeAgent(Definition);
        var deliverer = CreateTestProbe();

        Deliver(agent, "listener", Envelope(3, "training.started"), deliverer);
        agent.Tell(new TopicEvent("other", Envelope(3, "training.started")), deliverer.Ref);

        Assert.Equal(["listener", "other"], deliverer.ReceiveN(2).Cast<TopicEventAck>().Select(a => a.SubscriptionId));
        Reports.ExpectMsg<EventHandled>();
        Reports.ExpectMsg<EventHandled>();
    }

    [Fact]
    public void A_failing_handler_fails_the_agent_and_the_event_is_not_acknowledged()
    {
        var agent = StartProbeAgent(Definition, onEvent: _ => throw new InvalidOperationException("cannot handle"));
        var deliverer = CreateTestProbe();

        Deliver(agent, "listener", Envelope(1, "training.started"), deliverer);

        Assert.Equal("cannot handle", Host.ExpectMsg<ChildFailed>().Cause.Message);
        Host.ExpectMsg<global::Agents.Platform.Coordination.AgentStarted>();
        deliverer.ExpectNoMsg();
    }
}
