using Agents.Actors;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.AgentTesting;

/// <summary>The public agent test kit, used as docs/agents.md shows it, on the example agent of that page.</summary>
public sealed class AgentTestKitTests(ITestOutputHelper output) : AgentTestKit(output, [typeof(LossAlarmAgent).Assembly])
{
    private static readonly AgentDefinition Alarm = new(
        "alarm", "loss-alarm", Subscribes: ["sample.loss"], Settings: Json("""{ "threshold": 2.0 }"""));

    private IActorRef StartAlarm() => StartAgent(Props.Create(() => new LossAlarmAgent(Alarm)), Alarm.Id);

    [Fact]
    public async Task The_agent_alarms_once_when_a_loss_passes_its_threshold()
    {
        var agent = StartAlarm();
        var alarms = WatchTopics("sample.alarm");

        await PublishJsonAsync("sample.loss", """{ "loss": 1.5 }""");
        await PublishJsonAsync("sample.loss", """{ "loss": 2.5 }""");
        await PublishJsonAsync("sample.loss", """{ "loss": 3.5 }""");

        var alarm = alarms.ExpectMsg<TopicEvent>();
        Assert.Equal(2.5, ((JsonPayload)alarm.Envelope.Payload).Document.GetProperty("loss").GetDouble());
        AwaitAssert(() => Assert.Equal("3", Command(agent, "count").Message));
        Assert.Single(await PublishedAsync("sample.#"), e => e.Topic == "sample.alarm");
    }

    [Fact]
    public async Task A_restarted_agent_recovers_from_its_journal_and_does_not_alarm_again()
    {
        var agent = StartAlarm();
        var alarms = WatchTopics("sample.alarm");
        await PublishJsonAsync("sample.loss", """{ "loss": 2.5 }""");
        alarms.ExpectMsg<TopicEvent>();
        AwaitAssert(() => Assert.Equal("1", Command(agent, "count").Message));

        StopAgent(Alarm.Id);
        agent = StartAlarm();
        await PublishJsonAsync("sample.loss", """{ "loss": 4.0 }""");

        AwaitAssert(() => Assert.Equal("2", Command(agent, "count").Message));
        alarms.ExpectNoMsg();
        Assert.Equal([new LossSeen(2.5), new LossSeen(4.0)], await JournaledAsync(Alarm.Id));
    }

    [Fact]
    public async Task An_agent_defined_to_subscribe_from_the_end_does_not_see_what_was_published_before_it()
    {
        await PublishJsonAsync("sample.loss", """{ "loss": 9.0 }""");
        var late = Alarm with { SubscribeFrom = SubscriptionStart.End };
        var agent = StartAgent(Props.Create(() => new LossAlarmAgent(late)), late.Id);
        var alarms = WatchTopics("sample.alarm");
        // The subscription takes the end of the log just after the agent started; it has once its offset is stored.
        await AwaitConditionAsync(() => TopicLog.LoadOffsetAsync(late.Id).Result is not null);

        await PublishJsonAsync("sample.loss", """{ "loss": 3.0 }""");

        Assert.Equal(3.0, ((JsonPayload)alarms.ExpectMsg<TopicEvent>().Envelope.Payload).Document.GetProperty("loss").GetDouble());
        AwaitAssert(() => Assert.Equal("1", Command(agent, "count").Message));
    }

    [Fact]
    public void Where_an_agent_subscribes_from_is_written_as_beginning_or_end_in_JSON()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Alarm with { SubscribeFrom = SubscriptionStart.End }, System.Text.Json.JsonSerializerOptions.Web);

        Assert.Contains("\"subscribeFrom\":\"end\"", json);
        Assert.Equal(SubscriptionStart.End, System.Text.Json.JsonSerializer.Deserialize<AgentDefinition>(json, System.Text.Json.JsonSerializerOptions.Web)!.SubscribeFrom);
        Assert.Equal(SubscriptionStart.Beginning, System.Text.Json.JsonSerializer.Deserialize<AgentDefinition>("""{ "id": "a", "type": "t" }""", System.Text.Json.JsonSerializerOptions.Web)!.SubscribeFrom);
    }

    [Fact]
    public void An_agent_started_from_a_definition_uses_its_registered_type()
    {
        var types = new AgentTypeRegistry().Register("loss-alarm", definition => Props.Create(() => new LossAlarmAgent(definition)));

        var agent = StartAgent(Alarm, types);

        Assert.True(Command(agent, "ping").Accepted);
    }

    [Fact]
    public void Stopping_an_agent_the_kit_did_not_start_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => StopAgent("never-started"));

        Assert.Contains("never-started", refused.Message);
    }
}
