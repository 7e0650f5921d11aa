using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Events;

public sealed class EventStreamSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);

    [Fact]
    public void A_subscription_to_a_base_type_receives_subtypes()
    {
        Sys.EventStream.Subscribe<Animal>(TestActor);

        Sys.EventStream.Publish(new Dog("rex"));

        ExpectMsg(new Dog("rex"));
    }

    [Fact]
    public void A_subscriber_of_several_matching_channels_receives_an_event_once()
    {
        Sys.EventStream.Subscribe<Animal>(TestActor);
        Sys.EventStream.Subscribe<Dog>(TestActor);

        Sys.EventStream.Publish(new Dog("rex"));

        ExpectMsg<Dog>();
        ExpectNoMsg();
    }

    [Fact]
    public void Unsubscribing_a_channel_stops_delivery()
    {
        Sys.EventStream.Subscribe<Animal>(TestActor);

        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Animal)));
        Sys.EventStream.Publish(new Dog("rex"));

        ExpectNoMsg();
    }

    [Fact]
    public void Events_of_unrelated_types_are_not_delivered()
    {
        Sys.EventStream.Subscribe<Dog>(TestActor);

        Sys.EventStream.Publish(new Animal("cat"));

        ExpectNoMsg();
    }

    [Fact]
    public void Callback_subscriptions_run_until_disposed()
    {
        var seen = new List<string>();
        var subscription = Sys.EventStream.Subscribe<Animal>(a => seen.Add(a.Name));

        Sys.EventStream.Publish(new Animal("a"));
        subscription.Dispose();
        Sys.EventStream.Publish(new Animal("b"));

        Assert.Equal(["a"], seen);
    }

    [Fact]
    public void A_stopped_subscriber_is_unsubscribed()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<Animal>(probe.Ref);
        Watch(probe.Ref);
        Sys.Stop(probe.Ref);
        ExpectTerminated(probe.Ref);

        Sys.EventStream.Publish(new Animal("a"));

        Assert.False(Sys.EventStream.Unsubscribe(probe.Ref));
    }

    [Fact]
    public void A_failing_callback_does_not_reach_the_publisher()
    {
        Sys.EventStream.Subscribe<Animal>(_ => throw new InvalidOperationException("bad subscriber"));

        EventFilter.Exception<InvalidOperationException>("bad subscriber").ExpectOne(() => Sys.EventStream.Publish(new Animal("a")));
    }
}
