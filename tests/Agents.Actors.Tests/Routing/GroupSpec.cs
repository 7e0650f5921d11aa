using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

public sealed class GroupSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private List<Routee> RouteesOf(IActorRef router)
    {
        router.Tell(GetRoutees.Instance);
        return [.. ExpectMsg<Routees>().Members];
    }

    [Fact]
    public void A_group_routes_to_the_existing_actors_named_by_its_paths()
    {
        var w1 = ActorOf(Props.Create<Echo>(), "w1");
        var w2 = ActorOf(Props.Create<Echo>(), "w2");
        var router = ActorOf(new RoundRobinGroup("/user/w1", "/user/w2").Props());

        router.Tell("a");
        router.Tell("b");

        var echoes = ReceiveN(2).Cast<Echoed>().ToList();
        Assert.Equal(["a", "b"], echoes.OrderBy(e => (string)e.Message).Select(e => e.Message));
        Assert.True(echoes.Select(e => e.Routee).ToHashSet().SetEquals([w1, w2]));
    }

    [Fact]
    public void Group_paths_may_be_full_addresses_and_wildcards()
    {
        var x1 = ActorOf(Props.Create<Echo>(), "x1");
        var y1 = ActorOf(Props.Create<Echo>(), "y1");
        var y2 = ActorOf(Props.Create<Echo>(), "y2");
        ActorOf(Props.Create<Echo>(), "z1");

        var router = ActorOf(new BroadcastGroup(x1.Path.ToString(), "/user/y*").Props());

        Assert.True(RouteesOf(router).ToHashSet().SetEquals([new ActorRefRoutee(x1), new ActorRefRoutee(y1), new ActorRefRoutee(y2)]));
    }

    [Fact]
    public void A_group_actor_that_stops_is_removed_and_the_router_stops_with_the_last_one()
    {
        var w1 = ActorOf(Props.Create<Echo>(), "w1");
        var w2 = ActorOf(Props.Create<Echo>(), "w2");
        var router = ActorOf(new RoundRobinGroup("/user/w1", "/user/w2").Props());
        Assert.Equal(2, RouteesOf(router).Count);
        Watch(router);

        Sys.Stop(w1);
        AwaitAssert(() => Assert.Equal([new ActorRefRoutee(w2)], RouteesOf(router)));
        Sys.Stop(w2);

        ExpectTerminated(router);
    }

    [Fact]
    public void Stopping_a_group_router_leaves_the_group_actors_running()
    {
        var w1 = ActorOf(Props.Create<Echo>(), "w1");
        var router = ActorOf(new RoundRobinGroup("/user/w1").Props());
        Watch(router);

        router.Tell(PoisonPill.Instance);
        ExpectTerminated(router);
        w1.Tell("alive?");

        Assert.Equal(w1, ExpectMsg<Echoed>().Routee);
    }

    [Fact]
    public void A_path_without_an_actor_yet_reaches_an_actor_created_later()
    {
        var router = ActorOf(new RoundRobinGroup("/user/late").Props());
        Assert.IsType<ActorSelectionRoutee>(Assert.Single(RouteesOf(router)));

        var late = ActorOf(Props.Create<Echo>(), "late");
        router.Tell("hello");

        Assert.Equal(late, ExpectMsg<Echoed>().Routee);
    }

    [Fact]
    public void A_relative_group_path_is_rejected_with_the_fix()
    {
        var error = Assert.Throws<ArgumentException>(() => new RoundRobinGroup("user/w1"));

        Assert.Contains("'user/w1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"/user/workers/w1\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_needs_at_least_one_path()
    {
        Assert.Throws<ArgumentException>(() => new RandomGroup());
    }
}
