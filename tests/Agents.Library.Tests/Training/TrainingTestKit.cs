using System.Text.Json;
using Agents.Actors;
using Agents.Library.Training;
using Agents.Persistence.Actors;
using Agents.Persistence.InMemory;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Training;

/// <summary>
/// The kit of the training agent tests: virtual time, in-memory persistence, the real topic service over an in-memory
/// topic log, and agents started under a <see cref="ProbeParent"/> (or by the real agent platform).
/// </summary>
public abstract class TrainingTestKit : ActorTestKit
{
    internal static readonly IEventSerializer Serializer = new JsonPayloadSerializer(new JsonEventSerializer(
        ManifestRegistry.FromAssemblies(typeof(AgentBase).Assembly, typeof(TrainingRunAgent).Assembly)));

    private readonly Dictionary<string, IActorRef> _hosts = new(StringComparer.Ordinal);

    protected TrainingTestKit(ITestOutputHelper output)
        : base(output)
    {
        Journal = new InMemoryJournal(Serializer, null, Sys.TimeProvider);
        Sys.AddPersistence(Journal, new InMemorySnapshotStore(Serializer, Sys.TimeProvider), serializer: Serializer);
        TopicLog = new InMemoryTopicLog(Serializer, Time);
        Sys.AddTopicService(TopicLog, TopicLog);
        Host = CreateTestProbe("host");
        Types = AgentLibrary.Register(new AgentTypeRegistry());
    }

    internal InMemoryJournal Journal { get; }

    internal InMemoryTopicLog TopicLog { get; }

    internal TestProbe Host { get; }

    internal AgentTypeRegistry Types { get; }

    /// <summary>Starts the agent <paramref name="definition"/> describes and returns it once it runs.</summary>
    internal IActorRef Start(AgentDefinition definition)
    {
        var host = Sys.ActorOf(ProbeParent.Props(Types.PropsFor(definition), definition.Id, Host.Ref));
        var agent = Host.FishForMessage<ChildCreated>(_ => true).Child;
        Host.FishForMessage<AgentStarted>(started => started.AgentId == definition.Id);
        _hosts[definition.Id] = host;
        return agent;
    }

    /// <summary>Stops the agent and its host, and returns once they are gone (their events stay journaled).</summary>
    internal void Stop(string id)
    {
        var host = _hosts[id];
        var watcher = CreateTestProbe();
        watcher.Watch(host);
        Sys.Stop(host);
        watcher.ExpectTerminated(host);
        _hosts.Remove(id);
    }

    /// <summary>Stops the agent and starts a new incarnation of it, which recovers from the journal.</summary>
    internal IActorRef Restart(AgentDefinition definition)
    {
        Stop(definition.Id);
        return Start(definition);
    }

    /// <summary>Lets virtual time pass one <paramref name="interval"/> at a time, <paramref name="times"/> times.</summary>
    internal void Tick(int times, TimeSpan? interval = null)
    {
        for (var i = 0; i < times; i++)
        {
            Advance(interval ?? TimeSpan.FromSeconds(1));
        }

        Settle();
    }

    /// <summary>The payloads published on <paramref name="topic"/> so far, oldest first.</summary>
    internal async Task<List<JsonElement>> PublishedAsync(string topic)
    {
        var payloads = new List<JsonElement>();
        await foreach (var envelope in TopicLog.ReadAsync(TopicOffset.Start))
        {
            if (envelope.Topic == topic)
            {
                payloads.Add(Assert.IsType<JsonPayload>(envelope.Payload).Document);
            }
        }

        return payloads;
    }

    /// <summary>The topics of every event published so far, in log order.</summary>
    internal async Task<List<string>> TopicsAsync()
    {
        var topics = new List<string>();
        await foreach (var envelope in TopicLog.ReadAsync(TopicOffset.Start))
        {
            topics.Add(envelope.Topic);
        }

        return topics;
    }

    /// <summary>The events journaled by agent <paramref name="agentId"/>, oldest first.</summary>
    internal async Task<List<object>> JournaledAsync(string agentId)
    {
        var events = new List<object>();
        await foreach (var stored in Journal.ReplayMessagesAsync(AgentNames.PersistenceId(agentId), 1, long.MaxValue, long.MaxValue))
        {
            events.Add(stored.Payload);
        }

        return events;
    }

    /// <summary>Publishes an epoch of <paramref name="runId"/> as a real job would, through the topic service.</summary>
    internal Task PublishEpochAsync(string runId, int epoch, double trainingLoss, double validationLoss, double accuracy = 0.8) =>
        Sys.Topics().PublishAsync(TrainingTopics.EpochComplete, new JsonPayload(JsonSerializer.SerializeToElement(
            new { runId, epoch, trainingLoss, validationLoss, accuracy },
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals })), "job");

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
