using System.Reflection;
using System.Text.Json;
using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Persistence.InMemory;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;
using Agents.TestKit.Persistence;
using Xunit.Abstractions;

namespace Agents.TestKit;

/// <summary>
/// The base class of agent tests (xunit): the actor system of <see cref="ActorTestKit"/> on virtual time, in-memory
/// persistence whose writes a test can hold back (<see cref="Journal"/>), the real topic service over an in-memory topic
/// log, and agents started under a <see cref="ProbeParent"/> in place of their host, so that what an agent tells its
/// host (<see cref="AgentStarted"/>, heartbeats) reaches <see cref="Host"/>.
/// </summary>
/// <remarks>
/// An agent is tested as it runs on a node: it recovers from the journal, subscribes to its topics, answers
/// <see cref="AgentCommand"/>s and publishes through the topic service; schedules and heartbeats run on
/// <see cref="ActorTestKit.Time"/>, so <see cref="ActorTestKit.Advance"/> moves them. Stop and start an agent again to
/// test its recovery.
/// </remarks>
public abstract class AgentTestKit : ActorTestKit
{
    private readonly Dictionary<string, IActorRef> _hosts = new(StringComparer.Ordinal);

    /// <param name="output">Where the system's log goes.</param>
    /// <param name="eventAssemblies">The assemblies whose <see cref="ManifestAttribute"/> types the agents under test
    /// journal or publish; the platform's own are always registered.</param>
    /// <param name="topicOptions">Options of the topic service; its defaults when null.</param>
    protected AgentTestKit(ITestOutputHelper output, IEnumerable<Assembly>? eventAssemblies = null, TopicServiceOptions? topicOptions = null)
        : base(output)
    {
        Assembly[] assemblies = [.. new[] { typeof(AgentBase).Assembly }.Concat(eventAssemblies ?? []).Distinct()];
        Serializer = new JsonPayloadSerializer(new JsonEventSerializer(ManifestRegistry.FromAssemblies(assemblies)));
        Journal = new ControllableJournal(new InMemoryJournal(Serializer, null, Sys.TimeProvider));
        Sys.AddPersistence(Journal, new InMemorySnapshotStore(Serializer, Sys.TimeProvider), serializer: Serializer);
        TopicLog = new InMemoryTopicLog(Serializer, Sys.TimeProvider);
        Topics = Sys.AddTopicService(TopicLog, TopicLog, topicOptions);
        Host = CreateTestProbe("host");
    }

    /// <summary>How events and topic payloads are stored: JSON of the registered manifests, and raw JSON payloads.</summary>
    public IEventSerializer Serializer { get; }

    /// <summary>The agents' journal; <see cref="ControllableJournal.HoldWrites"/> and its kin make writes wait or fail.</summary>
    public ControllableJournal Journal { get; }

    /// <summary>The topic log under <see cref="Topics"/>, to read everything published.</summary>
    public InMemoryTopicLog TopicLog { get; }

    /// <summary>The real topic service the agents publish to and subscribe through.</summary>
    public TopicService Topics { get; }

    /// <summary>Receives what the agents started by <see cref="StartAgent(Props, string)"/> tell their host.</summary>
    public TestProbe Host { get; }

    /// <summary>Starts the agent of <paramref name="props"/> with id <paramref name="agentId"/> and returns it once it has started (recovered and subscribed).</summary>
    public IActorRef StartAgent(Props props, string agentId)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        var host = Sys.ActorOf(ProbeParent.Props(props, agentId, Host.Ref));
        var agent = Host.FishForMessage<ChildCreated>(_ => true).Child;
        Host.FishForMessage<AgentStarted>(started => started.AgentId == agentId);
        _hosts[agentId] = host;
        return agent;
    }

    /// <summary>Starts the agent <paramref name="definition"/> describes, of a type registered in <paramref name="types"/>.</summary>
    public IActorRef StartAgent(AgentDefinition definition, AgentTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(types);
        return StartAgent(types.PropsFor(definition), definition.Id);
    }

    /// <summary>Stops the agent <paramref name="agentId"/> and returns once it is gone; its journal stays, so starting it again tests its recovery.</summary>
    /// <exception cref="InvalidOperationException">No agent of that id was started by this kit.</exception>
    public void StopAgent(string agentId)
    {
        if (!_hosts.Remove(agentId, out var host))
        {
            throw new InvalidOperationException($"No agent '{agentId}' was started by this test kit.");
        }

        var watcher = CreateTestProbe();
        watcher.Watch(host);
        Sys.Stop(host);
        watcher.ExpectTerminated(host);
    }

    /// <summary>Sends the command <paramref name="name"/> (with <paramref name="argumentsJson"/>, if any) and returns the agent's answer.</summary>
    public AgentCommandResult Command(IActorRef agent, string name, string? argumentsJson = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var caller = CreateTestProbe();
        agent.Tell(new AgentCommand(name, argumentsJson is null ? null : Json(argumentsJson)), caller.Ref);
        return caller.ExpectMsg<AgentCommandResult>();
    }

    /// <summary>Publishes <paramref name="json"/> on <paramref name="topic"/> as a JSON payload, as another agent or an API client would.</summary>
    public Task<TopicEnvelope> PublishJsonAsync(string topic, string json, string publisher = "test") =>
        Topics.PublishAsync(topic, new JsonPayload(Json(json)), publisher);

    /// <summary>
    /// A new probe that receives a <see cref="TopicEvent"/> for each event published from now on whose topic matches one
    /// of <paramref name="patterns"/>: the way to wait for what an agent publishes.
    /// </summary>
    public TestProbe WatchTopics(params string[] patterns)
    {
        var probe = CreateTestProbe();
        Topics.SubscribeLive("watch-" + Guid.NewGuid().ToString("N"), [.. patterns.Select(TopicPattern.Parse)], probe.Ref);
        return probe;
    }

    /// <summary>Everything published so far on topics matching <paramref name="pattern"/> (e.g. <c>training.#</c>), oldest first.</summary>
    public async Task<IReadOnlyList<PublishedEvent>> PublishedAsync(string pattern)
    {
        var parsed = TopicPattern.Parse(pattern);
        var found = new List<PublishedEvent>();
        await foreach (var envelope in TopicLog.ReadAsync(TopicOffset.Start))
        {
            if (parsed.Matches(TopicName.Parse(envelope.Topic)))
            {
                var json = envelope.Payload is JsonPayload payload
                    ? payload.Document
                    : JsonSerializer.SerializeToElement(envelope.Payload, envelope.Payload.GetType(), JsonSerializerOptions.Web);
                found.Add(new PublishedEvent(envelope.Topic, json, envelope));
            }
        }

        return found;
    }

    /// <summary>The events agent <paramref name="agentId"/> journaled, oldest first.</summary>
    public async Task<IReadOnlyList<object>> JournaledAsync(string agentId)
    {
        var events = new List<object>();
        await foreach (var stored in Journal.ReplayMessagesAsync(AgentNames.PersistenceId(agentId), 1, long.MaxValue, long.MaxValue))
        {
            events.Add(stored.Payload);
        }

        return events;
    }

    /// <summary>Parses <paramref name="json"/> into an element that outlives its document.</summary>
    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
