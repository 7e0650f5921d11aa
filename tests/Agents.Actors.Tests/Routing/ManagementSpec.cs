using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

public sealed class ManagementSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private List<IActorRef> RouteesOf(IActorRef router)
    {
        router.Tell(GetRoutees.Instance);
        return [.. ExpectMsg<Routees>().Members.Cast<ActorRefRoutee>().Select(r => r.Actor)];
    }

    [Fact]
    public void GetRoutees_replies_with_the_routees_in_routing_order()
    {
        var w1 = ActorOf(Props.Create<Echo>(), "w1");
        var w2 = ActorOf(Props.Create<Echo>(), "w2");
        var router = ActorOf(new RoundRobinGroup("/user/w1", "/user/w2").Props());

        Assert.Equal([w1, w2], RouteesOf(router));
    }

    [Fact]
    public void AddRoutee_adds_an_actor_that_then_receives_its_share()
    {
        var w1 = ActorOf(Props.Create<Echo>(), "w1");
        var w2 = ActorOf(Props.Create<Echo>(), "w2");
        var router = ActorOf(new BroadcastGroup("/user/w1").Props());

        router.Tell(new AddRoutee(new ActorRefRoutee(w2)));
        Assert.Equal([w1, w2], RouteesOf(router));
        router.Tell("both");

        Assert.True(ReceiveN(2).Cast<Echoed>().Select(e => e.Routee).ToHashSet().SetEquals([w1, w2]));
    }

    [Fact]
    public void Adding_a_routee_twice_keeps_one()
    {
        var w1 = ActorOf(Props.Create<Echo>(), "w1");
        var router = ActorOf(new RoundRobinGroup("/user/w1").Props());

        router.Tell(new AddRoutee(new ActorRefRoutee(w1)));

        Assert.Equal([w1], RouteesOf(router));
    }

    [Fact]
    public void An_added_routee_is_watched_and_removed_when_it_stops()
    {
        var w1 = ActorOf(Props.Create<Echo>(), "w1");
        var w2 = ActorOf(Props.Create<Echo>(), "w2");
        var router = ActorOf(new RoundRobinGroup("/user/w1").Props());
        router.Tell(new AddRoutee(new ActorRefRoutee(w2)));
        Assert.Equal(2, RouteesOf(router).Count);

        Sys.Stop(w2);

        AwaitAssert(() => Assert.Equal([w1], RouteesOf(router)));
    }

    [Fact]
    public void RemoveRoutee_of_a_pool_stops_that_routee()
    {
        var router = ActorOf(new RoundRobinPool(3).Props(Props.Create<Echo>()));
        var routees = RouteesOf(router);
        Watch(routees[0]);

        router.Tell(new RemoveRoutee(new ActorRefRoutee(routees[0])));

        ExpectTerminated(routees[0]);
        Assert.Equal(routees[1..], RouteesOf(router));
    }

    [Fact]
    public void RemoveRoutee_of_a_group_leaves_the_actor_running()
    {
        var w1 = ActorOf(Props.Create<Echo>(), "w1");
        var w2 = ActorOf(Props.Create<Echo>(), "w2");
        var router = ActorOf(new RoundRobinGroup("/user/w1", "/user/w2").Props());

        router.Tell(new RemoveRoutee(new ActorRefRoutee(w1)));
        Assert.Equal([w2], RouteesOf(router));
        w1.Tell("alive?");

        Assert.Equal(w1, ExpectMsg<Echoed>().Routee);
    }

    [Fact]
    public void Removing_the_last_routee_stops_the_router()
    {
        var w1 = ActorOf(Props.Create<Echo>(), "w1");
        var router = ActorOf(new RoundRobinGroup("/user/w1").Props());
        Watch(router);

        router.Tell(new RemoveRoutee(new ActorRefRoutee(w1)));

        ExpectTerminated(router);
    }

    [Fact]
    public void AdjustPoolSize_grows_the_pool_with_new_children()
    {
        var router = ActorOf(new RoundRobinPool(2).Props(Props.Create<Echo>()));
        var before = RouteesOf(router);

        router.Tell(new AdjustPoolSize(3));
        var after = RouteesOf(router);

        Assert.Equal(5, after.Count);
        Assert.Equal(before, after[..2]);
        Assert.All(after, r => Assert.Equal(router.Path, r.Path.Parent));
    }

    [Fact]
    public void AdjustPoolSize_shrinks_the_pool_by_stopping_the_last_routees()
    {
        var router = ActorOf(new RoundRobinPool(4).Props(Props.Create<Echo>()));
        var before = RouteesOf(router);
        Watch(before[2]);
        Watch(before[3]);

        router.Tell(new AdjustPoolSize(-2));

        Assert.True(ReceiveN(2).Cast<Terminated>().Select(t => t.ActorRef).ToHashSet().SetEquals(before[2..]));
        Assert.Equal(before[..2], RouteesOf(router));
    }

    [Fact]
    public void A_group_does_not_handle_AdjustPoolSize()
    {
        ActorOf(Props.Create<Echo>(), "w1");
        var router = ActorOf(new RoundRobinGroup("/user/w1").Props());
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe<UnhandledMessage>(unhandled.Ref);

        router.Tell(new AdjustPoolSize(1));

        Assert.IsType<AdjustPoolSize>(unhandled.ExpectMsg<UnhandledMessage>().Message);
        Assert.Single(RouteesOf(router));
    }

    [Fact]
    public void Identify_is_answered_by_the_router_itself()
    {
        var router = ActorOf(new RoundRobinPool(2).Props(Props.Create<Echo>()));

        router.Tell(new Identify(7));

        Assert.Equal(new ActorIdentity(7, router), ExpectMsg<ActorIdentity>());
    }
}
