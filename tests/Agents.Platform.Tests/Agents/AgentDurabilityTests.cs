using Agents.Actors;
using Agents.Platform.Agents;
using Agents.Platform.Agents.Recorder;
using Agents.Platform.Topics;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Agents;

public sealed class AgentDurabilityTests(ITestOutputHelper output) : AgentBaseTestKit(output)
{
    private static readonly AgentDefinition Definition = new("keeper", "persisting", Subscribes: ["training.#"]);

    [Fact]
    public void An_event_whose_handler_persisted_is_acknowledged_only_once_the_write_is_durable()
    {
        var agent = StartAgent(Props.Create(() => new PersistingAgent(Definition, Reports.Ref)), Definition.Id);
        var deliverer = CreateTestProbe();
        Journal.HoldWrites();

        Deliver(agent, Definition.Id, Envelope(1, "training.started"), deliverer);
        AwaitCondition(() => Journal.WriteCalls == 1);
        deliverer.ExpectNoMsg();
        Journal.ReleaseWrites();

        Assert.Equal("applied training.started", Reports.ExpectMsg<string>());
        deliverer.ExpectMsg<TopicEventAck>();
    }

    [Fact]
    public void A_command_whose_handler_persisted_is_answered_only_once_the_write_is_durable()
    {
        var agent = StartAgent(Props.Create(() => new PersistingAgent(Definition, Reports.Ref)), Definition.Id);
        var caller = CreateTestProbe();
        Journal.HoldWrites();

        agent.Tell(new AgentCommand("note"), caller.Ref);
        AwaitCondition(() => Journal.WriteCalls == 1);
        caller.ExpectNoMsg();
        Journal.ReleaseWrites();

        Assert.Equal("applied note", Reports.ExpectMsg<string>());
        Assert.True(caller.ExpectMsg<AgentCommandResult>().Accepted);
    }

    /// <summary>An agent that persists without awaiting the write, as <c>Persist(event, handler)</c> does.</summary>
    private sealed class PersistingAgent(AgentDefinition definition, IActorRef reports) : AgentBase(definition)
    {
        protected override Task OnEventAsync(TopicEvent topicEvent)
        {
            Persist(RecordedEvent.From(topicEvent.SubscriptionId, topicEvent.Envelope), e => reports.Tell("applied " + e.Topic));
            return Task.CompletedTask;
        }

        protected override Task<AgentCommandResult> OnCommandAsync(AgentCommand command)
        {
            Persist(RecordedEvent.From("commands", Envelope()), _ => reports.Tell("applied " + command.Name));
            return Task.FromResult(Accept(command, "noted"));
        }

        private Persistence.Topics.TopicEnvelope Envelope() =>
            new(default, "commands.note", "json", new Persistence.Serialization.JsonPayload(Json("{}")), Now, Id);
    }
}
