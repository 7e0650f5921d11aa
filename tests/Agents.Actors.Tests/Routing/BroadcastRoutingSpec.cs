using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

public sealed class BroadcastRoutingSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void A_broadcast_pool_sends_every_message_to_every_routee()
    {
        var router = ActorOf(new BroadcastPool(3).Props(Props.Create<Echo>()));

        router.Tell("one");
        router.Tell("two");

        var echoes = ReceiveN(6).Cast<Echoed>().ToList();
        Assert.Equal(3, echoes.Select(e => e.Routee).Distinct().Count());
        Assert.All(echoes.GroupBy(e => e.Routee), g => Assert.Equal(["one", "two"], g.Select(e => e.Message)));
    }

    [Fact]
    public void A_broadcast_message_reaches_every_routee_of_any_router_unwrapped()
    {
        var router = ActorOf(new RoundRobinPool(4).Props(Props.Create<Echo>()));

        router.Tell(new Broadcast("all"));

        var echoes = ReceiveN(4).Cast<Echoed>().ToList();
        Assert.Equal(4, echoes.Select(e => e.Routee).Distinct().Count());
        Assert.All(echoes, e => Assert.Equal("all", e.Message));
    }

    [Fact]
    public void A_broadcast_group_sends_to_every_actor_of_the_group()
    {
        ActorOf(Props.Create<Echo>(), "b1");
        ActorOf(Props.Create<Echo>(), "b2");
        var router = ActorOf(new BroadcastGroup("/user/b1", "/user/b2").Props());

        router.Tell("hello");

        var names = ReceiveN(2).Cast<Echoed>().Select(e => e.Routee.Path.Name).Order().ToList();
        Assert.Equal(["b1", "b2"], names);
    }
}
