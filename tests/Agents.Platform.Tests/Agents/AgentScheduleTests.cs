using Agents.Actors;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Agents;

public sealed class AgentScheduleTests(ITestOutputHelper output) : AgentBaseTestKit(output)
{
    [Fact]
    public void A_time_schedule_ticks_every_interval()
    {
        StartProbeAgent(new AgentDefinition("sweeper", "probe", Schedules: [new AgentSchedule("sweep", Every: TimeSpan.FromMinutes(5))]));
        var start = Time.GetUtcNow();

        Advance(TimeSpan.FromMinutes(5));
        var first = Reports.ExpectMsg<AgentTick>();
        Advance(TimeSpan.FromMinutes(5));
        var second = Reports.ExpectMsg<AgentTick>();

        Assert.Equal(new AgentTick("sweep", start + TimeSpan.FromMinutes(5)), first);
        Assert.Equal(new AgentTick("sweep", start + TimeSpan.FromMinutes(10)), second);
    }

    [Fact]
    public void Time_schedules_tick_independently()
    {
        StartProbeAgent(new AgentDefinition("sweeper", "probe", Schedules:
        [
            new AgentSchedule("often", Every: TimeSpan.FromMinutes(1)),
            new AgentSchedule("rarely", Every: TimeSpan.FromMinutes(3)),
        ]));

        Advance(TimeSpan.FromMinutes(1));
        Advance(TimeSpan.FromMinutes(1));
        Advance(TimeSpan.FromMinutes(1));
        var ticks = Reports.ReceiveN(4).Cast<AgentTick>().Select(t => t.Schedule).ToList();

        Assert.Equal(3, ticks.Count(s => s == "often"));
        Assert.Equal(1, ticks.Count(s => s == "rarely"));
    }

    [Fact]
    public void An_event_schedule_ticks_after_every_nth_matching_event()
    {
        var agent = StartProbeAgent(new AgentDefinition("batcher", "probe", Subscribes: ["training.#"],
            Schedules: [new AgentSchedule("batch", EveryEvents: 2, Topic: "training.*")]));
        var deliverer = CreateTestProbe();

        Deliver(agent, "batcher", Envelope(1, "training.epoch"), deliverer);
        Deliver(agent, "batcher", Envelope(2, "training.run.epoch"), deliverer);
        Deliver(agent, "batcher", Envelope(3, "training.epoch"), deliverer);
        Deliver(agent, "batcher", Envelope(4, "training.epoch"), deliverer);
        Deliver(agent, "batcher", Envelope(5, "training.epoch"), deliverer);
        var seen = Reports.ReceiveN(7).Select(m => m switch
        {
            EventHandled handled => handled.DeliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AgentTick tick => tick.Schedule,
            _ => m.ToString(),
        });

        // The tick follows the second and the fourth event that match training.* (1, 3 | 4, 5); event 2 does not count.
        Assert.Equal(["1", "2", "3", "batch", "4", "5", "batch"], seen);
    }

    [Fact]
    public void An_event_schedule_topic_joins_the_subscription_but_its_events_are_only_counted()
    {
        var agent = StartProbeAgent(new AgentDefinition("batcher", "probe", Subscribes: ["model.#"],
            Schedules: [new AgentSchedule("batch", EveryEvents: 1, Topic: "training.*")]));
        var deliverer = CreateTestProbe();

        Deliver(agent, "batcher", Envelope(1, "training.epoch"), deliverer);
        Deliver(agent, "batcher", Envelope(2, "model.saved"), deliverer);

        Assert.Equal(["model.#", "training.*"], Assert.Single(TopicService.Subscriptions).Patterns);
        Assert.Equal("batch", Reports.ExpectMsg<AgentTick>().Schedule);
        Assert.Equal("model.saved", Reports.ExpectMsg<EventHandled>().Topic);
        deliverer.ExpectMsg<TopicEventAck>();
    }

    [Fact]
    public void An_invalid_schedule_stops_the_agent_with_an_error_naming_the_field()
    {
        var definition = new AgentDefinition("sweeper", "probe", Schedules:
        [
            new AgentSchedule("sweep", Every: TimeSpan.FromMinutes(5)),
            new AgentSchedule("broken", Every: TimeSpan.Zero),
        ]);

        Sys.ActorOf(ProbeParent.Props(Props.Create(() => new ProbeAgent(definition, Reports.Ref, null, null)), "sweeper", Host.Ref));
        Host.ExpectMsg<ChildCreated>();
        var failure = Host.ExpectMsg<ChildFailed>();

        var error = Assert.IsType<AgentDefinitionException>(Assert.IsType<ActorInitializationException>(failure.Cause).InnerException);
        Assert.Equal("schedules[1].every", error.Field);
        Assert.Contains("agent 'sweeper'", error.Message, StringComparison.Ordinal);
    }
}
