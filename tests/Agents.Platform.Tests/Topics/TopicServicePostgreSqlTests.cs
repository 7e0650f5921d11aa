using Agents.Actors;
using Agents.Persistence.PostgreSql;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;
using Agents.TestKit;
using Agents.TestKit.Persistence;

namespace Agents.Platform.Tests.Topics;

/// <summary>The topic service over the PostgreSQL topic log; each test publishes under a topic word of its own.</summary>
public sealed class TopicServicePostgreSqlTests(PostgresDatabaseFixture database) : ActorTestKit, IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TopicServiceOptions Options = new() { OffsetStoreInterval = TimeSpan.FromSeconds(1) };
    private readonly string _word = "t" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_durable_subscriber_that_was_down_receives_every_event_published_meanwhile_in_order()
    {
        await using var store = await StartStoreAsync();
        await using var service = new TopicService(Sys, store.TopicLog, store.TopicLog, Options);
        var before = CreateTestProbe();
        using (service.SubscribeDurable(_word, [TopicPattern.Parse(_word + ".#")], before.Ref))
        {
            await service.PublishAsync(_word + ".start", new SpecEvent("0"), "test");
            Ack(before, before.ExpectMsg<TopicEvent>());
        }

        Sys.Stop(before.Ref);
        for (var i = 1; i <= 20; i++)
        {
            await service.PublishAsync(_word + ".epoch", new SpecEvent(i.ToString()), "test");
        }

        var after = CreateTestProbe();
        using var subscription = service.SubscribeDurable(_word, [TopicPattern.Parse(_word + ".#")], after.Ref);

        var values = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var e = after.ExpectMsg<TopicEvent>();
            values.Add(((SpecEvent)e.Envelope.Payload).Value);
            Ack(after, e);
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => i.ToString()), values);
    }

    [Fact]
    public async Task An_acknowledgement_moves_the_offset_stored_in_the_database()
    {
        await using var store = await StartStoreAsync();
        await using var service = new TopicService(Sys, store.TopicLog, store.TopicLog, Options);
        using var subscription = service.SubscribeDurable(_word, [TopicPattern.Parse(_word + ".*")], TestActor);
        var published = await service.PublishAsync(_word + ".a", new SpecEvent("1"), "test");
        Ack(Probe, Probe.ExpectMsg<TopicEvent>());

        Advance(Options.OffsetStoreInterval);

        await Probe.AwaitConditionAsync(() => store.TopicLog.LoadOffsetAsync(_word).Result == published.Offset);
    }

    [Fact]
    public async Task Events_another_node_publishes_reach_live_subscribers_once()
    {
        await using var store = await StartStoreAsync();
        await using var service = new TopicService(Sys, store.TopicLog, store.TopicLog, Options);
        await using var otherNode = ActorSystemOf("other");
        await using var otherStore = await StartStoreAsync();
        await using var other = new TopicService(otherNode, otherStore.TopicLog, otherStore.TopicLog, Options);
        await service.WhenStarted;
        using var subscription = service.SubscribeLive("live", [TopicPattern.Parse(_word + ".*")], TestActor);

        var published = await other.PublishAsync(_word + ".drift", new SpecEvent("remote"), "other-node");

        Assert.Equal(published.Offset, Probe.ExpectMsg<TopicEvent>().Envelope.Offset);
        Probe.ExpectNoMsg();
    }

    [Fact]
    public async Task Events_another_node_publishes_reach_a_durable_subscriber()
    {
        await using var store = await StartStoreAsync();
        await using var service = new TopicService(Sys, store.TopicLog, store.TopicLog, Options);
        await using var otherNode = ActorSystemOf("other");
        await using var otherStore = await StartStoreAsync();
        await using var other = new TopicService(otherNode, otherStore.TopicLog, otherStore.TopicLog, Options);
        using var subscription = service.SubscribeDurable(_word, [TopicPattern.Parse(_word + ".*")], TestActor);
        var first = await other.PublishAsync(_word + ".a", new SpecEvent("1"), "other-node");
        Assert.Equal(first.Offset, Probe.ExpectMsg<TopicEvent>().Envelope.Offset);
        Ack(Probe, (TopicEvent)Probe.LastMessage!);

        var second = await other.PublishAsync(_word + ".b", new SpecEvent("2"), "other-node");

        Assert.Equal(second.Offset, Probe.ExpectMsg<TopicEvent>().Envelope.Offset);
    }

    [Fact]
    public async Task A_live_subscriber_sees_only_events_published_after_it_subscribed()
    {
        await using var store = await StartStoreAsync();
        await using var service = new TopicService(Sys, store.TopicLog, store.TopicLog, Options);
        var passed = service.WaitForEventAsync(TopicPattern.Parse(_word + ".a"), null, TimeSpan.FromDays(1));
        await service.PublishAsync(_word + ".a", new SpecEvent("before"), "test");
        await passed.WaitAsync(TestKitSettings.ExpectTimeout);

        using var subscription = service.SubscribeLive("live", [TopicPattern.Parse(_word + ".*")], TestActor);
        var published = await service.PublishAsync(_word + ".a", new SpecEvent("after"), "test");

        Assert.Equal(published.Offset, Probe.ExpectMsg<TopicEvent>().Envelope.Offset);
        Probe.ExpectNoMsg();
    }

    private static void Ack(TestProbe probe, TopicEvent e) => probe.Reply(new TopicEventAck(e.SubscriptionId, e.Envelope.Offset));

    private ActorSystem ActorSystemOf(string name) => ActorSystem.Create(name, (ActorSystemSettings?)null, Time, Logs);

    // The store polls and stamps on real time: only the actor system's timers are virtual.
    private Task<PostgreSqlPersistence> StartStoreAsync() =>
        PostgreSqlPersistence.StartAsync(
            database.DataSource, PersistenceSpec.Serializer,
            new PostgreSqlPersistenceOptions { LivePollInterval = TimeSpan.FromMilliseconds(100) }, PersistenceSpec.WriteAdapters);
}
