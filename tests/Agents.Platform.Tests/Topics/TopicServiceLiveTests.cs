using Agents.Actors;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;
using Agents.TestKit.Persistence;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicServiceLiveTests : TopicServiceTestKit
{
    [Fact]
    public async Task Publish_returns_the_stored_event_with_its_offset()
    {
        var first = await PublishAsync("model.convergence.detected", "a");
        var second = await PublishAsync("model.convergence.detected", "b");

        Assert.True(second.Offset > first.Offset);
        var stored = await Log.ReadAsync(TopicOffset.Start).ToListAsync();
        Assert.Equal([first.Offset, second.Offset], stored.Select(e => e.Offset));
        Assert.Equal(new SpecEvent("a"), first.Payload);
        Assert.Equal("test", first.Publisher);
    }

    [Fact]
    public async Task Publish_rejects_a_bad_topic_name_and_stores_nothing()
    {
        var error = await Assert.ThrowsAsync<TopicFormatException>(() => PublishAsync("model..x", "a"));

        Assert.Contains("model..x", error.Message);
        Assert.Empty(await Log.ReadAsync(TopicOffset.Start).ToListAsync());
    }

    [Fact]
    public async Task Wildcard_patterns_reach_the_matching_subscribers_only()
    {
        var star = CreateTestProbe();
        var hash = CreateTestProbe();
        var literal = CreateTestProbe();
        using var a = Service.SubscribeLive("star", Patterns("model.convergence.*"), star.Ref);
        using var b = Service.SubscribeLive("hash", Patterns("training.#"), hash.Ref);
        using var c = Service.SubscribeLive("literal", Patterns("training"), literal.Ref);

        await PublishAsync("model.convergence.detected", "m1");
        await PublishAsync("model.convergence.detected.late", "m2");
        await PublishAsync("training", "t1");
        await PublishAsync("training.epoch.complete", "t2");

        Assert.Equal("m1", ValueOf(star.ExpectMsg<TopicEvent>()));
        Assert.Equal("t1", ValueOf(hash.ExpectMsg<TopicEvent>()));
        Assert.Equal("t2", ValueOf(hash.ExpectMsg<TopicEvent>()));
        Assert.Equal("t1", ValueOf(literal.ExpectMsg<TopicEvent>()));
        star.ExpectNoMsg();
        hash.ExpectNoMsg();
        literal.ExpectNoMsg();
    }

    [Fact]
    public async Task Live_events_carry_the_subscription_id_and_delivery_id()
    {
        using var subscription = Service.SubscribeLive("mine", Patterns("#"), TestActor);

        var published = await PublishAsync("alert.critical", "a");

        var e = Probe.ExpectMsg<TopicEvent>();
        Assert.Equal("mine", e.SubscriptionId);
        Assert.Equal(published.DeliveryId, e.DeliveryId);
    }

    [Fact]
    public async Task A_live_subscriber_sees_only_events_published_after_it_subscribed()
    {
        await PublishPastLiveReaderAsync("alert.critical", "before");

        using var subscription = Service.SubscribeLive("live", Patterns("alert.*"), TestActor);
        await PublishAsync("alert.critical", "after");

        Assert.Equal("after", ValueOf(Probe.ExpectMsg<TopicEvent>()));
        Probe.ExpectNoMsg();
    }

    [Fact]
    public async Task Disposing_a_live_subscription_ends_delivery()
    {
        var subscription = Service.SubscribeLive("live", Patterns("alert.*"), TestActor);
        await PublishAsync("alert.critical", "a");
        Probe.ExpectMsg<TopicEvent>();

        subscription.Dispose();
        await PublishAsync("alert.critical", "b");

        Probe.ExpectNoMsg();
        Assert.Equal(0, Service.LiveSubscriptionCount);
    }

    [Fact]
    public async Task A_stopped_live_subscriber_is_removed()
    {
        var subscriber = CreateTestProbe();
        Service.SubscribeLive("live", Patterns("alert.*"), subscriber.Ref);
        Assert.Equal(1, Service.LiveSubscriptionCount);

        Sys.Stop(subscriber.Ref);

        await Probe.AwaitConditionAsync(() => Service.LiveSubscriptionCount == 0);
    }

    [Fact]
    public async Task Events_another_service_appends_to_the_same_log_reach_live_subscribers_once()
    {
        await using var otherNode = CreateNode("other");
        var other = otherNode.AddTopicService(Log, Log, Options);
        await Service.WhenStarted;
        using var subscription = Service.SubscribeLive("live", Patterns("model.#"), TestActor);

        var published = await other.PublishAsync("model.drift", new SpecEvent("remote"), "other-node");

        var e = Probe.ExpectMsg<TopicEvent>();
        Assert.Equal(published.Offset, e.Envelope.Offset);
        Assert.Equal("remote", ValueOf(e));
        Probe.ExpectNoMsg();
    }

    [Fact]
    public async Task Events_appended_to_the_log_directly_reach_live_subscribers()
    {
        using var subscription = Service.SubscribeLive("live", Patterns("model.*"), TestActor);
        await Service.WhenStarted;

        await Log.AppendAsync([new TopicRecord("model.drift", new SpecEvent("x"), "writer")]);

        Assert.Equal("x", ValueOf(Probe.ExpectMsg<TopicEvent>()));
    }

    [Fact]
    public async Task A_subscriber_with_two_matching_patterns_receives_an_event_once()
    {
        using var subscription = Service.SubscribeLive("live", Patterns("model.*", "model.#"), TestActor);

        await PublishAsync("model.drift", "a");

        Probe.ExpectMsg<TopicEvent>();
        Probe.ExpectNoMsg();
    }

    [Fact]
    public async Task An_event_that_cannot_be_read_back_is_logged_and_skipped_by_live_delivery()
    {
        using var subscription = Service.SubscribeLive("live", Patterns("model.*"), TestActor);
        await Service.WhenStarted;

        await EventFilter.Error("skips the unreadable event").ExpectOneAsync(async () =>
        {
            await Log.AppendAsync([new TopicRecord("model.bad", new SpecUnreadableEvent("x"), "writer")]);
            await PublishAsync("model.good", "ok");
        });

        Assert.Equal("ok", ValueOf(Probe.ExpectMsg<TopicEvent>()));
        Probe.ExpectNoMsg();
    }

    [Fact]
    public async Task Concurrent_publishes_reach_a_live_subscriber_once_each_in_log_order()
    {
        using var subscription = Service.SubscribeLive("live", Patterns("load.#"), TestActor);

        var published = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => PublishAsync("load.x", i.ToString()))));

        var received = Enumerable.Range(0, 200).Select(_ => Probe.ExpectMsg<TopicEvent>().Envelope.Offset).ToList();
        Assert.Equal(published.Select(e => e.Offset).Order(), received);
        Probe.ExpectNoMsg();
    }

    [Fact]
    public void The_system_finds_its_topic_service()
    {
        Assert.Same(Service, Sys.Topics());
    }

    [Fact]
    public void Adding_a_second_topic_service_to_a_system_is_refused()
    {
        _ = Service;

        var error = Assert.Throws<InvalidOperationException>(() => Sys.AddTopicService(Log, Log));

        Assert.Contains("already", error.Message);
    }
}
