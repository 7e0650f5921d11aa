using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

/// <summary>Routing happens on the sending thread, without a turn of the router actor.</summary>
public sealed class RoutedSendSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void Messages_reach_the_routees_while_the_router_actor_is_suspended()
    {
        // A group, because suspending a pool router would suspend its routees (its children) too.
        ActorOf(Props.Create<Echo>(), "w1");
        var router = ActorOf(new RoundRobinGroup("/user/w1").Props());
        router.Tell(GetRoutees.Instance);
        ExpectMsg<Routees>();
        var routerRef = (LocalActorRef)router;
        routerRef.SendSystemMessage(new Suspend());
        Settle();

        router.Tell("routed");

        Assert.Equal("routed", ExpectMsg<Echoed>().Message);
        Assert.Equal(0, routerRef.Mailbox.Count);
        routerRef.SendSystemMessage(new Resume(null));
    }

    [Fact]
    public void Management_messages_wait_for_the_router_actor()
    {
        ActorOf(Props.Create<Echo>(), "w1");
        ActorOf(Props.Create<Echo>(), "w2");
        var router = ActorOf(new RoundRobinGroup("/user/w1", "/user/w2").Props());
        router.Tell(GetRoutees.Instance);
        ExpectMsg<Routees>();
        var routerRef = (LocalActorRef)router;
        routerRef.SendSystemMessage(new Suspend());
        Settle();

        router.Tell(GetRoutees.Instance);
        ExpectNoMsg();
        routerRef.SendSystemMessage(new Resume(null));

        Assert.Equal(2, ExpectMsg<Routees>().Members.Count);
    }

    [Fact]
    public void Messages_sent_right_after_creation_keep_their_order()
    {
        var router = ActorOf(new ConsistentHashingPool(4).Props(Props.Create<Echo>()));

        for (var i = 0; i < 50; i++)
        {
            router.Tell(new ConsistentHashableEnvelope(i, "one-key"));
        }

        Assert.Equal(Enumerable.Range(0, 50), ReceiveN(50).Cast<Echoed>().Select(e => (int)e.Message));
    }

    [Fact]
    public void A_selection_of_the_router_routes_too()
    {
        ActorOf(new RoundRobinPool(2).Props(Props.Create<Echo>()), "router");

        Sys.ActorSelection("/user/router").Tell("via selection", TestActor);

        Assert.Equal("via selection", ExpectMsg<Echoed>().Message);
    }

    [Fact]
    public void Messages_to_a_stopped_router_become_dead_letters_addressed_to_it()
    {
        var router = ActorOf(new RoundRobinPool(2).Props(Props.Create<Echo>()));
        Watch(router);
        router.Tell(PoisonPill.Instance);
        ExpectTerminated(router);

        router.Tell("late");

        Assert.Equal(router, ExpectDeadLetter<string>(s => s == "late").Recipient);
    }
}
