using System.Text.Json;
using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Persistence.Serialization;
using Agents.Persistence.Snapshots;
using Agents.Platform.Agents;
using Agents.Platform.Agents.Recorder;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Agents.Recorder;

public sealed class RecorderAgentTests(ITestOutputHelper output) : AgentBaseTestKit(output)
{
    private readonly AgentTypeRegistry _types = RecorderAgent.Register(new AgentTypeRegistry());

    [Fact]
    public void The_recorder_answers_the_events_it_received_with_their_origin_and_payload()
    {
        var recorder = StartRecorder(new AgentDefinition("rec", "recorder", Subscribes: ["training.#"]));

        Record(recorder, Envelope(4, "training.epoch", """{"epoch":1,"loss":0.5}"""));

        var recorded = Assert.Single(Recent(recorder));
        Assert.Equal(("rec", "training.epoch", 4L, "tester", "json"), (recorded.SubscriptionId, recorded.Topic, recorded.DeliveryId, recorded.Publisher, recorded.Manifest));
        Assert.Equal(0.5, recorded.Payload.GetProperty("loss").GetDouble());
    }

    [Fact]
    public void The_recorder_keeps_only_the_newest_events_its_setting_allows()
    {
        var recorder = StartRecorder(new AgentDefinition("rec", "recorder", Settings: Json("""{"keep":2}""")));

        Record(recorder, Envelope(1, "a.one"));
        Record(recorder, Envelope(2, "a.two"));
        Record(recorder, Envelope(3, "a.three"));

        Assert.Equal(["a.two", "a.three"], Recent(recorder).Select(e => e.Topic));
    }

    [Fact]
    public void The_recorder_recovers_its_events_after_a_restart()
    {
        var recorder = StartRecorder(new AgentDefinition("rec", "recorder", Settings: Json("""{"keep":2}""")));
        Record(recorder, Envelope(1, "a.one"));
        Record(recorder, Envelope(2, "a.two"));
        Record(recorder, Envelope(3, "a.three"));

        recorder.Tell(new AgentCommand(RecorderAgent.FailCommand), TestActor);
        Assert.IsType<InvalidOperationException>(Host.ExpectMsg<ChildFailed>().Cause);
        Host.ExpectMsg<AgentStarted>();

        Assert.Equal(["a.two", "a.three"], Recent(recorder).Select(e => e.Topic));
    }

    [Fact]
    public async Task The_recorder_saves_a_snapshot_every_keep_events_and_recovers_from_it()
    {
        var recorder = StartRecorder(new AgentDefinition("rec", "recorder", Settings: Json("""{"keep":2}""")));
        Record(recorder, Envelope(1, "a.one"));
        Record(recorder, Envelope(2, "a.two"));
        Record(recorder, Envelope(3, "a.three"));

        recorder.Tell(new AgentCommand(RecorderAgent.FailCommand), TestActor);
        Host.ExpectMsg<ChildFailed>();
        Host.ExpectMsg<AgentStarted>();

        var snapshot = await PersistenceExtension.Get(Sys).SnapshotStore.LoadAsync("agent-rec", SnapshotSelectionCriteria.Latest);
        Assert.Equal(["a.one", "a.two"], Assert.IsType<RecorderSnapshot>(snapshot!.Snapshot).Events.Select(e => e.Topic));
        Assert.Equal(["a.two", "a.three"], Recent(recorder).Select(e => e.Topic));
    }

    [Fact]
    public void Recent_with_a_count_answers_the_newest_events()
    {
        var recorder = StartRecorder(new AgentDefinition("rec", "recorder"));
        Record(recorder, Envelope(1, "a.one"));
        Record(recorder, Envelope(2, "a.two"));

        var result = Command(recorder, RecorderAgent.RecentCommand, """{"count":1}""");

        Assert.Equal("a.two", Assert.Single(Read(result)).Topic);
    }

    [Fact]
    public void Publish_publishes_the_payload_as_json_with_the_recorder_as_publisher()
    {
        var recorder = StartRecorder(new AgentDefinition("rec", "recorder"));

        var result = Command(recorder, RecorderAgent.PublishCommand, """{"topic":"model.saved","payload":{"accuracy":0.93}}""");

        Assert.True(result.Accepted, result.Message);
        var published = Assert.Single(TopicService.Published);
        Assert.Equal(("model.saved", "rec"), (published.Topic, published.Publisher));
        Assert.Equal(0.93, Assert.IsType<JsonPayload>(published.Payload).Document.GetProperty("accuracy").GetDouble());
        Assert.Equal("model.saved", result.Result!.Value.GetProperty("topic").GetString());
    }

    [Theory]
    [InlineData(null, "needs arguments")]
    [InlineData("""{"payload":1}""", "needs a topic")]
    [InlineData("""{"topic":"model.saved"}""", "needs a payload")]
    [InlineData("""{"topic":"model.*","payload":1}""", "wildcard")]
    public void Publish_without_a_valid_topic_and_payload_is_rejected(string? arguments, string reason)
    {
        var recorder = StartRecorder(new AgentDefinition("rec", "recorder"));

        var result = Command(recorder, RecorderAgent.PublishCommand, arguments);

        Assert.False(result.Accepted);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.Empty(TopicService.Published);
    }

    [Fact]
    public void The_recorder_lists_its_commands_when_it_gets_an_unknown_one()
    {
        var recorder = StartRecorder(new AgentDefinition("rec", "recorder"));

        var result = Command(recorder, "replay");

        Assert.False(result.Accepted);
        Assert.Contains("ping, recent, publish, fail", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"keep":0}""", "settings.keep")]
    [InlineData("""{"keep":"many"}""", "settings.keep")]
    [InlineData("""[1]""", "settings")]
    public void An_invalid_keep_setting_is_refused_when_the_props_are_made(string settings, string field)
    {
        var error = Assert.Throws<AgentDefinitionException>(() =>
            _types.PropsFor(new AgentDefinition("rec", "recorder", Settings: Json(settings))));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void The_registered_props_carry_the_mailbox_bound()
    {
        var props = _types.PropsFor(new AgentDefinition("rec", "recorder", Limits: new AgentLimits(MailboxCapacity: 5)));

        Assert.Equal(5, props.Mailbox!.Capacity);
    }

    private IActorRef StartRecorder(AgentDefinition definition) => StartAgent(_types.PropsFor(definition), definition.Id);

    private void Record(IActorRef recorder, Persistence.Topics.TopicEnvelope envelope)
    {
        var deliverer = CreateTestProbe();
        Deliver(recorder, "rec", envelope, deliverer);
        deliverer.ExpectMsg<TopicEventAck>();
    }

    private IReadOnlyList<RecordedEvent> Recent(IActorRef recorder) => Read(Command(recorder, RecorderAgent.RecentCommand));

    private static IReadOnlyList<RecordedEvent> Read(AgentCommandResult result)
    {
        Assert.True(result.Accepted, result.Message);
        return result.Result!.Value.Deserialize<RecordedEvent[]>(JsonSerializerOptions.Web)!;
    }
}
