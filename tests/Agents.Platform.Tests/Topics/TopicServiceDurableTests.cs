using Agents.Persistence.Topics;
using Agents.Platform.Topics;
using Agents.TestKit.Persistence;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicServiceDurableTests : TopicServiceTestKit
{
    [Fact]
    public async Task A_new_durable_subscription_receives_the_stored_matching_events_in_order()
    {
        await PublishAsync("model.a", "1");
        await PublishAsync("alert.x", "skip");
        await PublishAsync("model.b", "2");

        using var subscription = Service.SubscribeDurable("d", Patterns("model.*"), TestActor);

        Assert.Equal("1", ValueOf(ReceiveAndAck(Probe)));
        Assert.Equal("2", ValueOf(ReceiveAndAck(Probe)));
        await PublishAsync("model.c", "3");
        Assert.Equal("3", ValueOf(ReceiveAndAck(Probe)));
        Probe.ExpectNoMsg();
    }

    [Fact]
    public async Task A_new_subscription_from_the_end_receives_only_what_is_published_after_it()
    {
        await PublishAsync("model.a", "before");

        using var subscription = Service.SubscribeDurable("d", Patterns("model.*"), TestActor, SubscriptionStart.End);
        await Probe.AwaitConditionAsync(() => Log.LoadOffsetAsync("d").Result is not null);
        await PublishAsync("model.b", "after");

        Assert.Equal("after", ValueOf(ReceiveAndAck(Probe)));
        Probe.ExpectNoMsg();
    }

    [Fact]
    public async Task A_subscription_from_the_end_resumes_after_its_stored_offset_when_it_comes_back()
    {
        await PublishAsync("model.a", "before");
        var first = Service.SubscribeDurable("d", Patterns("model.*"), TestActor, SubscriptionStart.End);
        await Probe.AwaitConditionAsync(() => Log.LoadOffsetAsync("d").Result is not null);
        first.Dispose();
        await PublishAsync("model.b", "while away");

        using var again = Service.SubscribeDurable("d", Patterns("model.*"), TestActor, SubscriptionStart.End);

        Assert.Equal("while away", ValueOf(ReceiveAndAck(Probe)));
        Probe.ExpectNoMsg();
    }

    [Fact]
    public async Task A_subscription_from_the_end_of_an_empty_log_later_resumes_from_the_beginning()
    {
        var first = Service.SubscribeDurable("d", Patterns("model.*"), TestActor, SubscriptionStart.End);
        await Probe.AwaitConditionAsync(() => Log.LoadOffsetAsync("d").Result is not null);
        first.Dispose();
        await PublishAsync("model.a", "while away");

        using var again = Service.SubscribeDurable("d", Patterns("model.*"), TestActor, SubscriptionStart.End);

        Assert.Equal("while away", ValueOf(ReceiveAndAck(Probe)));
    }

    [Fact]
    public async Task An_acknowledgement_moves_the_stored_offset()
    {
        using var subscription = Service.SubscribeDurable("d", Patterns("#"), TestActor);
        var published = await PublishAsync("model.a", "1");
        ReceiveAndAck(Probe);

        Advance(StoreInterval);

        await Probe.AwaitConditionAsync(() => Log.LoadOffsetAsync("d").Result == published.Offset);
    }

    [Fact]
    public async Task An_unacknowledged_event_is_not_stored()
    {
        using var subscription = Service.SubscribeDurable("d", Patterns("#"), TestActor);
        await PublishAsync("model.a", "1");
        Probe.ExpectMsg<TopicEvent>();

        Advance(StoreInterval);
        Settle();

        Assert.Null(await Log.LoadOffsetAsync("d"));
    }

    [Fact]
    public async Task An_unacknowledged_event_is_delivered_again_with_the_same_delivery_id()
    {
        using var subscription = Service.SubscribeDurable("d", Patterns("#"), TestActor);
        await PublishAsync("model.a", "1");
        var first = Probe.ExpectMsg<TopicEvent>();

        Advance(Redelivery);

        var again = Probe.ExpectMsg<TopicEvent>();
        Assert.Equal(first.DeliveryId, again.DeliveryId);
        Assert.Equal(first.Envelope.Offset, again.Envelope.Offset);
    }

    [Fact]
    public async Task An_acknowledged_event_is_not_delivered_again()
    {
        using var subscription = Service.SubscribeDurable("d", Patterns("#"), TestActor);
        await PublishAsync("model.a", "1");
        ReceiveAndAck(Probe);

        Probe.ExpectNoMsg(Redelivery * 2);
    }

    [Fact]
    public async Task At_most_max_in_flight_events_are_unacknowledged_at_once()
    {
        var service = StartService(options: Options with { MaxInFlight = 2 });
        for (var i = 1; i <= 3; i++)
        {
            await service.PublishAsync("model.a", new SpecEvent(i.ToString()), "test");
        }

        using var subscription = service.SubscribeDurable("d", Patterns("#"), TestActor);
        var first = Probe.ExpectMsg<TopicEvent>();
        Probe.ExpectMsg<TopicEvent>();
        Probe.ExpectNoMsg();

        Probe.Reply(new TopicEventAck("d", first.Envelope.Offset));

        Assert.Equal("3", ValueOf(Probe.ExpectMsg<TopicEvent>()));
    }

    [Fact]
    public async Task Events_published_while_the_subscriber_is_at_its_in_flight_limit_arrive_as_it_acknowledges()
    {
        var service = StartService(options: Options with { MaxInFlight = 1 });
        using var subscription = service.SubscribeDurable("d", Patterns("#"), TestActor);
        await service.PublishAsync("model.a", new SpecEvent("1"), "test");
        var first = Probe.ExpectMsg<TopicEvent>();

        for (var i = 2; i <= 4; i++)
        {
            await service.PublishAsync("model.a", new SpecEvent(i.ToString()), "test");
        }

        Probe.ExpectNoMsg();
        Probe.Reply(new TopicEventAck("d", first.Envelope.Offset));
        Assert.Equal(["2", "3", "4"], Enumerable.Range(0, 3).Select(_ => ValueOf(ReceiveAndAck(Probe))));
    }

    [Fact]
    public async Task Events_appended_to_the_log_by_others_reach_an_idle_durable_subscriber()
    {
        using var subscription = Service.SubscribeDurable("d", Patterns("model.*"), TestActor);
        await PublishAsync("model.a", "1");
        ReceiveAndAck(Probe);

        await Log.AppendAsync([new TopicRecord("model.b", new SpecEvent("2"), "another-node")]);

        Assert.Equal("2", ValueOf(ReceiveAndAck(Probe)));
    }

    [Fact]
    public async Task A_subscriber_that_was_down_receives_every_event_published_meanwhile_in_order()
    {
        var before = CreateTestProbe();
        using (Service.SubscribeDurable("agent-1", Patterns("training.#"), before.Ref))
        {
            await PublishAsync("training.start", "0");
            ReceiveAndAck(before);
        }

        Sys.Stop(before.Ref);
        for (var i = 1; i <= 5; i++)
        {
            await PublishAsync("training.epoch", i.ToString());
        }

        var after = CreateTestProbe();
        using var subscription = Service.SubscribeDurable("agent-1", Patterns("training.#"), after.Ref);

        var values = Enumerable.Range(0, 5).Select(_ => ValueOf(ReceiveAndAck(after))).ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], values);
        after.ExpectNoMsg();
    }

    [Fact]
    public async Task A_stopped_subscriber_keeps_its_offset()
    {
        var subscriber = CreateTestProbe();
        Service.SubscribeDurable("d", Patterns("#"), subscriber.Ref);
        var published = await PublishAsync("model.a", "1");
        ReceiveAndAck(subscriber);

        Sys.Stop(subscriber.Ref);

        await Probe.AwaitConditionAsync(() => Log.LoadOffsetAsync("d").Result == published.Offset);
    }

    [Fact]
    public async Task Ending_a_subscription_stores_its_offset_at_once()
    {
        var subscription = Service.SubscribeDurable("d", Patterns("#"), TestActor);
        var published = await PublishAsync("model.a", "1");
        ReceiveAndAck(Probe);

        subscription.Dispose();

        await Probe.AwaitConditionAsync(() => Log.LoadOffsetAsync("d").Result == published.Offset);
    }

    [Fact]
    public async Task Terminating_the_system_stores_the_acknowledged_offset()
    {
        using var subscription = Service.SubscribeDurable("d", Patterns("#"), TestActor);
        var published = await PublishAsync("model.a", "1");
        ReceiveAndAck(Probe);
        Settle();

        await Sys.Terminate().WaitAsync(TestKitSettings.ExpectTimeout);

        Assert.Equal(published.Offset, await Log.LoadOffsetAsync("d"));
    }

    [Fact]
    public async Task Subscribing_again_replaces_the_subscriber_and_delivers_the_unacknowledged_events_to_it()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        using var a = Service.SubscribeDurable("d", Patterns("#"), first.Ref);
        await PublishAsync("model.a", "1");
        await PublishAsync("model.a", "2");
        var one = ReceiveAndAck(first);
        var two = first.ExpectMsg<TopicEvent>();

        using var b = Service.SubscribeDurable("d", Patterns("#"), second.Ref);

        var again = second.ExpectMsg<TopicEvent>();
        Assert.Equal(two.DeliveryId, again.DeliveryId);
        Assert.NotEqual(one.DeliveryId, again.DeliveryId);
        await PublishAsync("model.a", "3");
        Assert.Equal("3", ValueOf(second.ExpectMsg<TopicEvent>()));
        first.ExpectNoMsg();
    }

    [Fact]
    public async Task Disposing_a_replaced_subscription_does_not_end_its_replacement()
    {
        var old = Service.SubscribeDurable("d", Patterns("#"), CreateTestProbe().Ref);
        using var current = Service.SubscribeDurable("d", Patterns("#"), TestActor);

        old.Dispose();
        await PublishAsync("model.a", "1");

        Assert.Equal("1", ValueOf(Probe.ExpectMsg<TopicEvent>()));
    }

    [Fact]
    public async Task Offsets_are_stored_after_a_batch_of_acknowledgements_without_waiting_for_the_interval()
    {
        var service = StartService(options: Options with { OffsetStoreBatch = 2, OffsetStoreInterval = TimeSpan.FromHours(1) });
        using var subscription = service.SubscribeDurable("d", Patterns("#"), TestActor);
        await service.PublishAsync("model.a", new SpecEvent("1"), "test");
        var second = await service.PublishAsync("model.a", new SpecEvent("2"), "test");

        ReceiveAndAck(Probe);
        ReceiveAndAck(Probe);

        await Probe.AwaitConditionAsync(() => Log.LoadOffsetAsync("d").Result == second.Offset);
    }
}
