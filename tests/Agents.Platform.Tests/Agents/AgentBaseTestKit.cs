using System.Text.Json;
using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Persistence.InMemory;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Agents;
using Agents.Platform.Agents.Recorder;
using Agents.Platform.Coordination;
using Agents.Platform.Tests.Support;
using Agents.Platform.Topics;
using Agents.TestKit;
using Agents.TestKit.Persistence;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Agents;

/// <summary>
/// The kit of the tests of <see cref="AgentBase"/> itself: virtual time, in-memory persistence, a recording topic
/// service double (where the public <see cref="global::Agents.TestKit.AgentTestKit"/> runs the real one), and agents started as
/// the child of an <see cref="ProbeParent"/> whose probe (<see cref="Host"/>) sees what an agent tells its host.
/// </summary>
public abstract class AgentBaseTestKit : ActorTestKit
{
    private static readonly IEventSerializer s_serializer = new JsonEventSerializer(ManifestRegistry.Create(typeof(RecordedEvent), typeof(RecorderSnapshot)));

    protected AgentBaseTestKit(ITestOutputHelper output)
        : base(output)
    {
        Journal = new ControllableJournal(new InMemoryJournal(s_serializer, null, Sys.TimeProvider));
        Sys.AddPersistence(Journal, new InMemorySnapshotStore(s_serializer, Sys.TimeProvider), serializer: s_serializer);
        TopicService = Sys.RegisterExtension<ITopicService>(new RecordingTopicService(Sys.TimeProvider)) as RecordingTopicService
            ?? throw new InvalidOperationException("The topic service double was not registered.");
        Host = CreateTestProbe("host");
        Reports = CreateTestProbe("reports");
    }

    /// <summary>Sees what agents tell their host: created, started, heartbeats, failures.</summary>
    internal TestProbe Host { get; }

    /// <summary>Sees what the probe agents' handlers report.</summary>
    internal TestProbe Reports { get; }

    internal RecordingTopicService TopicService { get; }

    /// <summary>The agents' journal (in memory), which a test can hold back or make fail.</summary>
    internal ControllableJournal Journal { get; }

    /// <summary>Starts an agent from <paramref name="props"/> under a parent and returns it once it has started.</summary>
    internal IActorRef StartAgent(Props props, string id)
    {
        Sys.ActorOf(ProbeParent.Props(props, id, Host.Ref));
        var agent = Host.ExpectMsg<ChildCreated>().Child;
        Host.ExpectMsg<AgentStarted>(started => started.AgentId == id);
        return agent;
    }

    /// <summary>Starts a <see cref="ProbeAgent"/> of <paramref name="definition"/> that reports to <see cref="Reports"/>.</summary>
    internal IActorRef StartProbeAgent(
        AgentDefinition definition, Func<TopicEvent, Task>? onEvent = null, Func<string, CancellationToken, Task<object?>>? actionWork = null) =>
        StartAgent(Props.Create(() => new ProbeAgent(definition, Reports.Ref, onEvent, actionWork)), definition.Id);

    /// <summary>A JSON event on <paramref name="topic"/> at log position <paramref name="sequence"/>.</summary>
    internal TopicEnvelope Envelope(long sequence, string topic, string json = "{}") => new(
        new TopicOffset((ulong)sequence, sequence), topic, JsonPayload.Manifest, new JsonPayload(Json(json)), Sys.TimeProvider.GetUtcNow(), "tester");

    /// <summary>Tells <paramref name="agent"/> the event through its own subscription, from <paramref name="sender"/>.</summary>
    internal static void Deliver(IActorRef agent, string agentId, TopicEnvelope envelope, TestProbe sender) =>
        agent.Tell(new TopicEvent(agentId, envelope), sender.Ref);

    /// <summary>Sends <paramref name="command"/> and returns the agent's answer.</summary>
    internal AgentCommandResult Command(IActorRef agent, string name, string? arguments = null)
    {
        var caller = CreateTestProbe();
        agent.Tell(new AgentCommand(name, arguments is null ? null : Json(arguments)), caller.Ref);
        return caller.ExpectMsg<AgentCommandResult>();
    }

    internal static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
