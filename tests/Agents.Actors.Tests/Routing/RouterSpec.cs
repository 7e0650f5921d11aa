using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

/// <summary>The <see cref="Router"/> value itself, as an actor holds one to route to its own workers.</summary>
public sealed class RouterSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    /// <summary>Creates two workers and routes to them round robin with a router it holds.</summary>
    private sealed class Master : ReceiveActor
    {
        private Router _router = new(new RoundRobinRoutingLogic());

        public Master()
        {
            for (var i = 0; i < 2; i++)
            {
                var worker = Context.ActorOf(Props.Create<Echo>());
                Context.Watch(worker);
                _router = _router.AddRoutee(worker);
            }
            Receive<Terminated>(t => _router = _router.RemoveRoutee(t.ActorRef));
            Receive<string>(s => s == "count", _ => Sender.Tell(_router.Routees.Length, Self));
            ReceiveAny(m => _router.Route(m, Sender));
        }
    }

    [Fact]
    public void An_actor_can_route_to_its_workers_with_a_router_it_holds()
    {
        var master = ActorOf(Props.Create<Master>());

        master.Tell(1);
        master.Tell(2);

        var echoes = ReceiveN(2).Cast<Echoed>().ToList();
        Assert.NotEqual(echoes[0].Routee, echoes[1].Routee);
        Assert.All(echoes, e => Assert.Equal(master.Path, e.Routee.Path.Parent));
    }

    [Fact]
    public void Router_values_are_immutable_and_ignore_duplicate_routees()
    {
        var probe = CreateTestProbe();
        var empty = new Router(new RoundRobinRoutingLogic());

        var one = empty.AddRoutee(probe.Ref);
        var same = one.AddRoutee(new ActorRefRoutee(probe.Ref));

        Assert.Empty(empty.Routees);
        Assert.Single(one.Routees);
        Assert.Same(one, same);
        Assert.Empty(one.RemoveRoutee(probe.Ref).Routees);
    }

    [Fact]
    public void Props_settings_applied_after_WithRouter_keep_the_router()
    {
        var pool = new RoundRobinPool(2);

        var props = Props.Create<Echo>().WithRouter(pool).WithMailbox(MailboxOptions.Bounded(100)).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);

        Assert.Same(pool, props.RouterConfig);
        Assert.Null(props.RouteeProps.RouterConfig);
        Assert.Equal(100, props.RouteeProps.Mailbox!.Capacity);
    }

    [Fact]
    public void A_routee_whose_load_is_unknown_is_chosen_by_smallest_mailbox_only_when_no_local_routee_is_free()
    {
        var local = ActorOf(Props.Create<Echo>(), "local");
        var selection = new ActorSelectionRoutee(Sys.ActorSelection("/user/elsewhere"));

        var picked = new SmallestMailboxRoutingLogic().Select("m", [selection, new ActorRefRoutee(local)]);

        Assert.Equal(new ActorRefRoutee(local), picked);
    }

    [Fact]
    public void Kill_sent_to_a_router_fails_the_router_and_its_supervisor_stops_it_with_its_routees()
    {
        var router = ActorOf(new RoundRobinPool(2).Props(Props.Create<Echo>()));
        router.Tell(GetRoutees.Instance);
        var routee = ExpectMsg<Routees>().Members.Cast<ActorRefRoutee>().First().Actor;
        Watch(router);
        Watch(routee);

        router.Tell(Kill.Instance);

        Assert.True(ReceiveN(2).Cast<Terminated>().Select(t => t.ActorRef).ToHashSet().SetEquals([router, routee]));
    }
}
