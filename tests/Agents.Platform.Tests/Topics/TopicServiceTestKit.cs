using Agents.Actors;
using Agents.Persistence.InMemory;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;
using Agents.TestKit;
using Agents.TestKit.Persistence;

namespace Agents.Platform.Tests.Topics;

/// <summary>A test system on virtual time with a topic service over an in-memory topic log.</summary>
public abstract class TopicServiceTestKit : ActorTestKit
{
    protected static readonly TimeSpan Redelivery = TimeSpan.FromSeconds(30);
    protected static readonly TimeSpan StoreInterval = TimeSpan.FromSeconds(1);

    private TopicService? _service;

    protected TopicServiceTestKit()
    {
        Log = new InMemoryTopicLog(PersistenceSpec.Serializer, Time);
        Options = new TopicServiceOptions { RedeliveryInterval = Redelivery, OffsetStoreInterval = StoreInterval, OffsetStoreBatch = 100 };
    }

    protected InMemoryTopicLog Log { get; }

    protected TopicServiceOptions Options { get; }

    /// <summary>The service of <see cref="ActorTestKit.Sys"/> over <see cref="Log"/> with <see cref="Options"/>, started on first use.</summary>
    protected TopicService Service => _service ??= Sys.AddTopicService(Log, Log, Options);

    /// <summary>Starts the service of <see cref="ActorTestKit.Sys"/> with other parts; use instead of <see cref="Service"/>.</summary>
    protected TopicService StartService(ITopicLog? log = null, ITopicSubscriptionStore? offsets = null, TopicServiceOptions? options = null) =>
        _service = Sys.AddTopicService(log ?? Log, offsets ?? Log, options ?? Options);

    /// <summary>Another actor system on the same virtual clock and log capture, as a second node; the test disposes it.</summary>
    protected ActorSystem CreateNode(string name) => ActorSystem.Create(name, (ActorSystemSettings?)null, Time, Logs);

    protected static TopicPattern[] Patterns(params string[] patterns) => patterns.Select(TopicPattern.Parse).ToArray();

    protected static string ValueOf(TopicEvent e) => Assert.IsType<SpecEvent>(e.Envelope.Payload).Value;

    protected Task<TopicEnvelope> PublishAsync(string topic, string value) => Service.PublishAsync(topic, new SpecEvent(value), "test");

    /// <summary>
    /// Publishes and returns once the service's live reader has passed the event (a publish returns when the event is
    /// durable, possibly before), so that a live subscription made afterwards cannot receive it.
    /// </summary>
    protected async Task<TopicEnvelope> PublishPastLiveReaderAsync(string topic, string value)
    {
        var passed = Service.WaitForEventAsync(TopicPattern.Parse(topic), null, TimeSpan.FromDays(1));
        var published = await PublishAsync(topic, value);
        await passed;
        return published;
    }

    /// <summary>Receives a topic event on <paramref name="probe"/> and acknowledges it to its sender.</summary>
    protected static TopicEvent ReceiveAndAck(TestProbe probe)
    {
        var e = probe.ExpectMsg<TopicEvent>();
        probe.Reply(new TopicEventAck(e.SubscriptionId, e.Envelope.Offset));
        return e;
    }
}
