using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

public sealed class PoolSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed record Started(IActorRef Routee);

    private sealed record Restarted(IActorRef Routee);

    private sealed record CountIs(int Count);

    /// <summary>Reports its starts and restarts to the probe; counts "inc"; replies with the count to "count"; fails on "fail".</summary>
    private sealed class Counting : ReceiveActor
    {
        private readonly IActorRef _probe;
        private int _count;

        public Counting(IActorRef probe)
        {
            _probe = probe;
            probe.Tell(new Started(Self), Self);
            Receive<string>(s => s == "inc", _ => _count++);
            Receive<string>(s => s == "count", _ => Sender.Tell(new CountIs(_count), Self));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("routee failure on purpose"));
            ReceiveAny(m => Sender.Tell(new Echoed(Self, m), Self));
        }

        protected override void PostRestart(Exception reason) => _probe.Tell(new Restarted(Self), Self);
    }

    /// <summary>Creates the router as its child and supervises it with the given strategy.</summary>
    private sealed class Parent : ReceiveActor
    {
        public Parent(Props routerProps, SupervisorStrategy strategy)
        {
            Strategy = strategy;
            var router = Context.ActorOf(routerProps, "router");
            Receive<string>(s => s == "router", _ => Sender.Tell(router, Self));
        }

        private SupervisorStrategy Strategy { get; }

        protected override SupervisorStrategy SupervisorStrategy() => Strategy;
    }

    private List<IActorRef> RouteesOf(IActorRef router)
    {
        router.Tell(GetRoutees.Instance);
        return [.. ExpectMsg<Routees>().Members.Cast<ActorRefRoutee>().Select(r => r.Actor)];
    }

    [Fact]
    public void A_pool_creates_its_routees_as_children_of_the_router()
    {
        var router = ActorOf(new RoundRobinPool(5).Props(Props.Create<Echo>()), "workers");

        var routees = RouteesOf(router);

        Assert.Equal(5, routees.Count);
        Assert.All(routees, r => Assert.Equal(router.Path, r.Path.Parent));
        Assert.Equal(5, routees.Distinct().Count());
    }

    [Fact]
    public void WithRouter_on_props_makes_the_same_pool_as_Pool_Props()
    {
        var router = ActorOf(Props.Create<Echo>().WithRouter(new RoundRobinPool(2)));

        Assert.Equal(2, RouteesOf(router).Count);
    }

    [Fact]
    public void A_pool_needs_at_least_one_routee()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RoundRobinPool(0));

        Assert.Contains("at least 1 routee", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_routee_that_stops_is_removed_from_the_pool()
    {
        var router = ActorOf(new RoundRobinPool(3).Props(Props.Create<Echo>()));
        var routees = RouteesOf(router);
        Watch(routees[1]);

        Sys.Stop(routees[1]);
        ExpectTerminated(routees[1]);

        AwaitAssert(() => Assert.Equal([routees[0], routees[2]], RouteesOf(router)));
    }

    [Fact]
    public void The_router_stops_when_its_last_routee_is_gone()
    {
        var router = ActorOf(new RoundRobinPool(2).Props(Props.Create<Echo>()));
        var routees = RouteesOf(router);
        Watch(router);

        routees.ForEach(Sys.Stop);

        ExpectTerminated(router);
    }

    [Fact]
    public void A_poison_pill_to_the_router_stops_the_router_and_its_routees()
    {
        var router = ActorOf(new RoundRobinPool(3).Props(Props.Create<Echo>()));
        var routees = RouteesOf(router);
        routees.ForEach(r => Watch(r));
        Watch(router);

        router.Tell(PoisonPill.Instance);

        var terminated = ReceiveN(4).Cast<Terminated>().Select(t => t.ActorRef).ToHashSet();
        Assert.True(terminated.SetEquals(routees.Append(router)));
    }

    [Fact]
    public void A_broadcast_poison_pill_stops_the_routees_after_their_queued_work_and_then_the_router()
    {
        var router = ActorOf(new RoundRobinPool(2).Props(Props.Create(() => new Counting(TestActor))));
        ReceiveN(2);
        var routees = RouteesOf(router);
        Watch(router);
        routees.ForEach(r => Watch(r));

        router.Tell("before");
        router.Tell("before");
        router.Tell(new Broadcast(PoisonPill.Instance));

        var messages = ReceiveN(5);
        Assert.Equal(2, messages.OfType<Echoed>().Count(e => (string)e.Message == "before"));
        Assert.True(messages.OfType<Terminated>().Select(t => t.ActorRef).ToHashSet().SetEquals(routees.Append(router)));
    }

    [Fact]
    public void A_failing_routee_is_restarted_by_default_and_stays_in_the_pool()
    {
        var router = ActorOf(new RoundRobinPool(1).Props(Props.Create(() => new Counting(TestActor))));
        var routee = ExpectMsg<Started>().Routee;
        router.Tell("inc");
        router.Tell("inc");

        router.Tell("fail");
        ExpectMsg<Started>(s => s.Routee.Equals(routee));
        ExpectMsg<Restarted>(r => r.Routee.Equals(routee));
        router.Tell("count");

        Assert.Equal(new CountIs(0), ExpectMsg<CountIs>());
        Assert.Equal([routee], RouteesOf(router));
    }

    [Fact]
    public void A_routee_stopped_by_the_pool_strategy_is_removed_and_the_others_keep_working()
    {
        var pool = new RoundRobinPool(2).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);
        var router = ActorOf(pool.Props(Props.Create<Echo>()));
        var routees = RouteesOf(router);
        Watch(routees[0]);

        routees[0].Tell("fail");
        ExpectTerminated(routees[0]);

        AwaitAssert(() => Assert.Equal([routees[1]], RouteesOf(router)));
        router.Tell("still here");
        Assert.Equal(routees[1], ExpectMsg<Echoed>().Routee);
    }

    [Fact]
    public void A_killed_routee_is_stopped_and_removed()
    {
        var router = ActorOf(new RoundRobinPool(2).Props(Props.Create<Echo>()));
        var routees = RouteesOf(router);
        Watch(routees[1]);

        routees[1].Tell(Kill.Instance);
        ExpectTerminated(routees[1]);

        AwaitAssert(() => Assert.Equal([routees[0]], RouteesOf(router)));
    }

    [Fact]
    public void An_escalated_failure_restarts_the_router_which_restarts_its_routees_and_keeps_their_number()
    {
        var escalate = new OneForOneStrategy(_ => Directive.Escalate);
        var restart = new OneForOneStrategy(_ => Directive.Restart);
        var routerProps = new RoundRobinPool(3).WithSupervisorStrategy(escalate).Props(Props.Create(() => new Counting(TestActor)));
        var parent = ActorOf(Props.Create(() => new Parent(routerProps, restart)));
        var routees = ReceiveN(3).Cast<Started>().Select(s => s.Routee).ToHashSet();
        parent.Tell("router");
        var router = ExpectMsg<IActorRef>();

        routees.First().Tell("fail");

        var restarted = ReceiveN(6).ToList();
        Assert.True(restarted.OfType<Restarted>().Select(r => r.Routee).ToHashSet().SetEquals(routees));
        Assert.True(RouteesOf(router).ToHashSet().SetEquals(routees));
    }
}
