using Agents.Actors;
using Agents.Platform.Agents;

namespace Agents.Platform.Tests.Agents;

public sealed class AgentDefinitionValidationTests
{
    public static TheoryData<AgentSchedule, string> InvalidSchedules => new()
    {
        { new AgentSchedule("s"), "schedules[1]" },
        { new AgentSchedule("s", Every: TimeSpan.FromSeconds(1), EveryEvents: 3, Topic: "a.b"), "schedules[1]" },
        { new AgentSchedule("s", Every: TimeSpan.FromSeconds(-1)), "schedules[1].every" },
        { new AgentSchedule("s", Every: TimeSpan.FromSeconds(1), Topic: "a.b"), "schedules[1].topic" },
        { new AgentSchedule("s", EveryEvents: 0, Topic: "a.b"), "schedules[1].everyEvents" },
        { new AgentSchedule("s", EveryEvents: 2), "schedules[1].topic" },
        { new AgentSchedule("s", EveryEvents: 2, Topic: "a..b"), "schedules[1].topic" },
        { new AgentSchedule("", Every: TimeSpan.FromSeconds(1)), "schedules[1].name" },
        { new AgentSchedule("first", Every: TimeSpan.FromSeconds(1)), "schedules[1].name" },
    };

    [Theory]
    [MemberData(nameof(InvalidSchedules))]
    public void An_invalid_schedule_is_refused_naming_its_field(AgentSchedule schedule, string field)
    {
        var definition = new AgentDefinition("agent-1", "probe", Schedules: [new AgentSchedule("first", Every: TimeSpan.FromMinutes(1)), schedule]);

        var error = Assert.Throws<AgentDefinitionException>(() => AgentBase.Validate(definition));

        Assert.Equal((field, "agent-1"), (error.Field, error.AgentId));
    }

    [Fact]
    public void Valid_time_and_event_schedules_pass()
    {
        AgentBase.Validate(new AgentDefinition("agent-1", "probe", Schedules:
        [
            new AgentSchedule("sweep", Every: TimeSpan.FromMinutes(5)),
            new AgentSchedule("batch", EveryEvents: 10, Topic: "training.#"),
        ]));
    }

    [Theory]
    [InlineData("bad id", "probe", "id")]
    [InlineData("agent-1", "", "type")]
    public void An_invalid_id_or_type_is_refused(string id, string type, string field)
    {
        var error = Assert.Throws<AgentDefinitionException>(() => AgentBase.Validate(new AgentDefinition(id, type)));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void An_invalid_subscription_pattern_is_refused_naming_its_index()
    {
        var error = Assert.Throws<AgentDefinitionException>(() =>
            AgentBase.Validate(new AgentDefinition("agent-1", "probe", Subscribes: ["training.#", "model.#x"])));

        Assert.Equal("subscribes[1]", error.Field);
        Assert.Contains("model.#x", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, "limits.mailboxCapacity")]
    [InlineData(10, 0, "limits.maxConcurrentActions")]
    public void Limits_below_one_are_refused(int mailbox, int actions, string field)
    {
        var error = Assert.Throws<AgentDefinitionException>(() =>
            AgentBase.Validate(new AgentDefinition("agent-1", "probe", Limits: new AgentLimits(mailbox, actions))));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(0, 10, "heartbeat.interval")]
    [InlineData(10, 10, "heartbeat.timeout")]
    public void A_heartbeat_without_a_positive_interval_below_its_timeout_is_refused(int interval, int timeout, string field)
    {
        var heartbeat = new AgentHeartbeat(TimeSpan.FromSeconds(interval), TimeSpan.FromSeconds(timeout));

        var error = Assert.Throws<AgentDefinitionException>(() => AgentBase.Validate(new AgentDefinition("agent-1", "probe", Heartbeat: heartbeat)));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void The_mailbox_capacity_bounds_the_agent_mailbox()
    {
        var props = Props.Create(() => new Probe());

        var bounded = AgentBase.WithMailboxLimit(props, new AgentDefinition("agent-1", "probe", Limits: new AgentLimits(MailboxCapacity: 50)));

        Assert.Equal((50, MailboxOverflowStrategy.DropNewest), (bounded.Mailbox!.Capacity, bounded.Mailbox.Overflow));
    }

    [Fact]
    public void Without_a_mailbox_capacity_the_props_stay_as_they_are()
    {
        var props = Props.Create(() => new Probe());

        Assert.Same(props, AgentBase.WithMailboxLimit(props, new AgentDefinition("agent-1", "probe", Limits: new AgentLimits(MaxConcurrentActions: 3))));
    }

    private sealed class Probe : ActorBase
    {
        protected override bool Receive(object message) => true;
    }
}
