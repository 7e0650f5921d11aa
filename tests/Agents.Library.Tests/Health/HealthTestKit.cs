using System.Text.Json;
using Agents.Actors;
using Agents.Library.Health;
using Agents.Persistence.Actors;
using Agents.Persistence.InMemory;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;
using Agents.TestKit;
using Agents.TestKit.Persistence;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Health;

/// <summary>
/// The kit of health agent tests: virtual time, in-memory persistence, the real topic service over an in-memory topic
/// log, and agents started under a parent whose probe (<see cref="Host"/>) sees what an agent tells its host.
/// </summary>
public abstract class HealthTestKit : ActorTestKit
{
    private static readonly IEventSerializer s_serializer = new JsonEventSerializer(
        ManifestRegistry.Create(typeof(AlertRaised), typeof(AlertCleared), typeof(AnomalyDetected)));

    protected HealthTestKit(ITestOutputHelper output, TopicServiceOptions? topicOptions = null)
        : base(output)
    {
        Journal = new ControllableJournal(new InMemoryJournal(s_serializer, null, Sys.TimeProvider));
        Sys.AddPersistence(Journal, new InMemorySnapshotStore(s_serializer, Sys.TimeProvider), serializer: s_serializer);
        TopicLog = new InMemoryTopicLog(new JsonPayloadSerializer(s_serializer), Time);
        Topics = Sys.AddTopicService(TopicLog, TopicLog, topicOptions ?? new TopicServiceOptions { RedeliveryInterval = TimeSpan.FromHours(1) });
        Host = CreateTestProbe("host");
    }

    /// <summary>Sees what agents tell their host: created, started, heartbeats.</summary>
    internal TestProbe Host { get; }

    /// <summary>The agents' journal, which a test can hold back.</summary>
    internal ControllableJournal Journal { get; }

    /// <summary>The topic log under the real topic service.</summary>
    internal InMemoryTopicLog TopicLog { get; }

    internal TopicService Topics { get; }

    /// <summary>Starts an agent from <paramref name="props"/> under a parent and returns it once it has started.</summary>
    internal IActorRef StartAgent(Props props, string id)
    {
        Sys.ActorOf(ProbeParent.Props(props, id, Host.Ref));
        var agent = Host.FishForMessage<ChildCreated>(_ => true).Child;
        Host.FishForMessage<AgentStarted>(started => started.AgentId == id);
        return agent;
    }

    /// <summary>Sends <paramref name="name"/> and returns the agent's answer; also waits until the agent's earlier turns are done.</summary>
    internal AgentCommandResult Command(IActorRef agent, string name)
    {
        var caller = CreateTestProbe();
        agent.Tell(new AgentCommand(name), caller.Ref);
        return caller.ExpectMsg<AgentCommandResult>();
    }

    /// <summary>The events published so far on topics matching <paramref name="pattern"/>, oldest first, with JSON payloads.</summary>
    internal async Task<IReadOnlyList<(string Topic, JsonElement Payload)>> PublishedAsync(string pattern)
    {
        var parsed = TopicPattern.Parse(pattern);
        var found = new List<(string, JsonElement)>();
        await foreach (var envelope in TopicLog.ReadAsync(TopicOffset.Start))
        {
            if (parsed.Matches(TopicName.Parse(envelope.Topic)))
            {
                found.Add((envelope.Topic, ((JsonPayload)envelope.Payload).Document));
            }
        }

        return found;
    }

    /// <summary>Publishes <paramref name="json"/> on <paramref name="topic"/> as a JSON payload.</summary>
    internal Task<TopicEnvelope> PublishJsonAsync(string topic, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Topics.PublishAsync(topic, new JsonPayload(document.RootElement.Clone()), "tester");
    }

    internal static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
