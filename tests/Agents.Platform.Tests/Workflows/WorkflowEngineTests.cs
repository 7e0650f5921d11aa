using System.Text.Json;
using Agents.Actors;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Agents;
using Agents.Platform.Tests.Support;
using Agents.Platform.Topics;
using Agents.Platform.Workflows;
using Agents.Platform.Workflows.Predicates;
using Agents.TestKit;
using static Agents.Platform.Tests.Workflows.ProbeAgentDirectory;

namespace Agents.Platform.Tests.Workflows;

public sealed class WorkflowEngineTests : ActorTestKit
{
    private readonly TestProbe _subscriptions;
    private readonly TestProbe _tells;
    private readonly TestProbe _published;
    private readonly RecordingTopicService _topics;
    private readonly ProbeAgentDirectory _directory;

    public WorkflowEngineTests()
    {
        _subscriptions = CreateTestProbe("subscriptions");
        _tells = CreateTestProbe("tells");
        _published = CreateTestProbe("published");
        _topics = new RecordingTopicService(publications: _published.Ref, subscriptions: _subscriptions.Ref);
        Sys.RegisterExtension<ITopicService>(_topics);
        _directory = new ProbeAgentDirectory(_tells.Ref);
    }

    private static WorkflowRule Rule(
        string name = "promote", string on = "training.complete", string? where = "accuracy > 0.9", WorkflowTarget? target = null,
        JsonElement? arguments = null) =>
        new(name, [TopicPattern.Parse(on)], where is null ? null : WorkflowPredicate.Parse(where), target ?? WorkflowTarget.Agent("validator-1"),
            "evaluate", arguments);

    private IActorRef Start(params WorkflowRule[] rules) => Sys.ActorOf(WorkflowEngine.Props(rules, _directory, new WorkflowSettings()), "workflows");

    /// <summary>Starts the engine with one rule and returns the actor its subscription delivers to.</summary>
    private IActorRef StartRule(WorkflowRule rule)
    {
        Start(rule);
        return _subscriptions.ExpectMsg<RecordingTopicService.Subscribed>().Subscriber;
    }

    private static JsonPayload Json(string json) => new(JsonDocument.Parse(json).RootElement.Clone());

    private static TopicEvent Event(
        long sequence, object payload, string topic = "training.complete", string publisher = "trainer-1", string rule = "promote") =>
        new(WorkflowRule.SubscriptionPrefix + rule,
            new TopicEnvelope(new TopicOffset(7, sequence), topic, "json", payload, DateTimeOffset.UnixEpoch.AddHours(1), publisher));

    private TopicEventAck Deliver(IActorRef subscriber, TopicEvent message)
    {
        subscriber.Tell(message, TestActor);
        return ExpectMsg<TopicEventAck>();
    }

    private static WorkflowRuleFired Fired(Published published) =>
        ((JsonPayload)published.Payload).Document.Deserialize<WorkflowRuleFired>(JsonSerializerOptions.Web)!;

    private static AgentInfo Agent(string id, string type, AgentStatus status) => new(new AgentDefinition(id, type), status);

    [Fact]
    public void Each_rule_subscribes_durably_under_its_own_subscription_id()
    {
        Start(Rule("promote"), Rule("retrain", on: "model.drift.#"));

        var subscribed = new[] { _subscriptions.ExpectMsg<RecordingTopicService.Subscribed>(), _subscriptions.ExpectMsg<RecordingTopicService.Subscribed>() }.OrderBy(s => s.SubscriptionId).ToList();
        Assert.Equal(["workflow-promote", "workflow-retrain"], subscribed.Select(s => s.SubscriptionId));
        Assert.Equal("model.drift.#", Assert.Single(subscribed[1].Patterns).ToString());
        Assert.All(subscribed, s => Assert.Equal(SubscriptionStart.Beginning, s.Start));
    }

    [Fact]
    public void A_rule_from_the_end_subscribes_from_the_end()
    {
        Start(Rule("late") with { From = SubscriptionStart.End });

        Assert.Equal(SubscriptionStart.End, _subscriptions.ExpectMsg<RecordingTopicService.Subscribed>().Start);
    }

    [Fact]
    public void An_event_where_the_condition_holds_tells_the_agent_the_command()
    {
        var rule = StartRule(Rule());

        Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }""")));

        var told = _tells.ExpectMsg<Told>();
        Assert.Equal("validator-1", told.AgentId);
        Assert.Equal("evaluate", told.Command.Name);
    }

    [Fact]
    public void An_event_where_the_condition_holds_is_acknowledged_after_the_tell()
    {
        var rule = StartRule(Rule());

        var ack = Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }""")));

        Assert.Equal(new TopicEventAck("workflow-promote", new TopicOffset(7, 1)), ack);
        Assert.True(_tells.HasMessages);
    }

    [Fact]
    public void An_event_where_the_condition_does_not_hold_is_acknowledged_without_a_command()
    {
        var rule = StartRule(Rule());

        Deliver(rule, Event(1, Json("""{ "accuracy": 0.5 }""")));

        Assert.False(_tells.HasMessages);
        Assert.False(_published.HasMessages);
    }

    [Fact]
    public void The_command_carries_the_rule_arguments_and_the_triggering_event()
    {
        var rule = StartRule(Rule(arguments: JsonDocument.Parse("""{ "dataset": "holdout" }""").RootElement));

        Deliver(rule, Event(4, Json("""{ "accuracy": 0.95, "model": "m-1" }""")));

        var arguments = _tells.ExpectMsg<Told>().Command.Arguments!.Value;
        Assert.Equal("holdout", arguments.GetProperty("dataset").GetString());
        var trigger = arguments.GetProperty("trigger");
        Assert.Equal("promote", trigger.GetProperty("rule").GetString());
        Assert.Equal("training.complete", trigger.GetProperty("topic").GetString());
        Assert.Equal(4, trigger.GetProperty("deliveryId").GetInt64());
        Assert.Equal("7:4", trigger.GetProperty("offset").GetString());
        Assert.Equal("trainer-1", trigger.GetProperty("publisher").GetString());
        Assert.Equal("m-1", trigger.GetProperty("payload").GetProperty("model").GetString());
    }

    [Fact]
    public void A_record_payload_is_read_as_camel_case_json()
    {
        var rule = StartRule(Rule(where: "accuracy > 0.9 and modelName == 'm-2'"));

        Deliver(rule, Event(1, new TrainingComplete(0.97, "m-2")));

        Assert.Equal("validator-1", _tells.ExpectMsg<Told>().AgentId);
    }

    [Fact]
    public void A_type_rule_tells_every_running_or_starting_agent_of_the_type()
    {
        _directory.Agents.AddRange(
        [
            Agent("v-1", "validator", AgentStatus.Running), Agent("v-2", "validator", AgentStatus.Starting),
            Agent("v-3", "validator", AgentStatus.Failed), Agent("v-4", "validator", AgentStatus.Inactive),
            Agent("v-5", "validator", AgentStatus.Restarting), Agent("t-1", "trainer", AgentStatus.Running),
        ]);
        var rule = StartRule(Rule(target: WorkflowTarget.AgentsOfType("validator")));

        Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }""")));

        Assert.Equal(["v-1", "v-2"], new[] { _tells.ExpectMsg<Told>(), _tells.ExpectMsg<Told>() }.Select(t => t.AgentId).Order());
        Assert.False(_tells.HasMessages);
    }

    [Fact]
    public void Every_firing_is_published_with_the_rule_the_event_and_the_answers()
    {
        var rule = StartRule(Rule());

        Deliver(rule, Event(3, Json("""{ "accuracy": 0.95 }""")));

        var published = _published.ExpectMsg<Published>();
        Assert.Equal(WorkflowSettings.FiredTopic, published.Topic);
        Assert.Equal(WorkflowSettings.Publisher, published.Publisher);
        var fired = Fired(published);
        Assert.Equal("promote", fired.Rule);
        Assert.Equal("training.complete", fired.Topic);
        Assert.Equal("7:3", fired.Offset);
        Assert.Equal(3, fired.DeliveryId);
        Assert.Equal("evaluate", fired.Command);
        Assert.Equal(new WorkflowTargetResult("validator-1", true, "done"), Assert.Single(fired.Targets));
        Assert.Equal(Time.GetUtcNow(), fired.FiredAt);
    }

    [Fact]
    public void A_failed_tell_is_published_as_not_accepted()
    {
        _directory.Answer = (_, _) => Task.FromException<AgentCommandResult>(new TimeoutException("validator-1 did not answer within 10s"));
        var rule = StartRule(Rule());

        Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }""")));

        Assert.Equal(new WorkflowTargetResult("validator-1", false, "validator-1 did not answer within 10s"),
            Assert.Single(Fired(_published.ExpectMsg<Published>()).Targets));
    }

    [Fact]
    public void A_failed_tell_is_logged_as_a_warning()
    {
        _directory.Answer = (id, _) => Task.FromException<AgentCommandResult>(new UnknownAgentException(id));
        var rule = StartRule(Rule());

        EventFilter.Warning("telling agent validator-1 evaluate (delivery 1) failed").ExpectOne(() =>
            Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }"""))));
    }

    [Fact]
    public void A_failed_tell_does_not_stop_the_rule_from_handling_the_next_event()
    {
        _directory.Answer = (id, _) => Task.FromException<AgentCommandResult>(new UnknownAgentException(id));
        var rule = StartRule(Rule());
        Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }""")));
        _directory.Answer = (id, command) => Task.FromResult(new AgentCommandResult(id, command.Name, true, "ok"));

        Deliver(rule, Event(2, Json("""{ "accuracy": 0.99 }""")));

        Assert.Equal([false, true], new[] { _published.ExpectMsg<Published>(), _published.ExpectMsg<Published>() }.Select(p => Fired(p).Targets[0].Accepted));
    }

    [Fact]
    public void A_refusal_by_the_agent_is_published_with_its_reason()
    {
        _directory.Answer = (id, command) => Task.FromResult(new AgentCommandResult(id, command.Name, false, "busy training"));
        var rule = StartRule(Rule());

        Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }""")));

        Assert.Equal(new WorkflowTargetResult("validator-1", false, "busy training"), Assert.Single(Fired(_published.ExpectMsg<Published>()).Targets));
    }

    [Fact]
    public void A_directory_that_cannot_list_the_type_is_published_as_an_error()
    {
        _directory.ListFailure = new InvalidOperationException("the coordinator is not running");
        var rule = StartRule(Rule(target: WorkflowTarget.AgentsOfType("validator")));

        Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }""")));

        var fired = Fired(_published.ExpectMsg<Published>());
        Assert.Empty(fired.Targets);
        Assert.Contains("the coordinator is not running", fired.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_is_acknowledged_even_when_its_audit_record_cannot_be_published()
    {
        _topics.FailPublishing = true;
        var rule = StartRule(Rule());

        Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }""")));

        Assert.True(_tells.HasMessages);
    }

    [Fact]
    public void A_repeated_delivery_is_acknowledged_without_telling_again()
    {
        var rule = StartRule(Rule());
        Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }""")));
        _tells.ExpectMsg<Told>();

        var ack = Deliver(rule, Event(1, Json("""{ "accuracy": 0.95 }""")));

        Assert.Equal(1, ack.Offset.Sequence);
        Assert.False(_tells.HasMessages);
    }

    [Fact]
    public void The_engine_does_not_fire_on_its_own_audit_records()
    {
        var rule = StartRule(Rule(on: "#", where: null));

        Deliver(rule, Event(1, Json("""{ "rule": "promote" }"""), topic: WorkflowSettings.FiredTopic, publisher: WorkflowSettings.Publisher));

        Assert.False(_tells.HasMessages);
    }

    [Fact]
    public void Event_fields_are_seen_by_the_condition()
    {
        var rule = StartRule(Rule(on: "training.#", where: "$topic == 'training.complete' and $publisher == 'trainer-7'"));

        Deliver(rule, Event(1, Json("{}"), publisher: "trainer-6"));
        Deliver(rule, Event(2, Json("{}"), publisher: "trainer-7"));

        Assert.Equal(2, _tells.ExpectMsg<Told>().Command.Arguments!.Value.GetProperty("trigger").GetProperty("deliveryId").GetInt64());
    }

    [Fact]
    public void An_event_sent_to_the_engine_reaches_the_rule_of_its_subscription()
    {
        var engine = Start(Rule("promote"), Rule("other", where: "accuracy < 0"));
        _subscriptions.ReceiveN(2);

        var ack = Deliver(engine, Event(1, Json("""{ "accuracy": 0.95 }"""), rule: "promote"));

        Assert.Equal("workflow-promote", ack.SubscriptionId);
        Assert.Equal("validator-1", _tells.ExpectMsg<Told>().AgentId);
    }

    [Fact]
    public async Task Add_workflows_starts_the_rules_of_the_configuration()
    {
        await using var system = ActorSystem.Create("configured", Hocon.Config.Parse("""
            agents.workflows.rules.promote { on = "training.complete", where = "accuracy > 0.9", tell = "validator-1", command = "evaluate" }
            """));
        var topics = new RecordingTopicService();
        system.RegisterExtension<ITopicService>(topics);
        var types = new AgentTypeRegistry().Register("validator", _ => throw new NotSupportedException());

        var engine = system.AddWorkflows(_directory, [new AgentDefinition("validator-1", "validator")], types);

        Assert.Equal("/user/workflows", engine.Path.ToStringWithoutAddress());
        await AwaitConditionAsync(() => topics.Subscriptions.Any(s => s.SubscriptionId == "workflow-promote"));
    }

    [Fact]
    public async Task Add_workflows_refuses_a_rule_that_names_an_undefined_agent()
    {
        await using var system = ActorSystem.Create("misconfigured", Hocon.Config.Parse("""
            agents.workflows.rules.promote { on = "training.complete", tell = "validator-1", command = "evaluate" }
            """));

        var error = Assert.Throws<WorkflowConfigurationException>(() => system.AddWorkflows(_directory, [], new AgentTypeRegistry()));

        Assert.Contains("agents.workflows.rules.promote.tell: no agent 'validator-1' is defined", error.Message, StringComparison.Ordinal);
    }

    private sealed record TrainingComplete(double Accuracy, string ModelName);
}
