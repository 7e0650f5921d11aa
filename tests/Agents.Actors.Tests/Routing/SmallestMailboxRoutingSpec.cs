using System.Collections.Immutable;
using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

public sealed class SmallestMailboxRoutingSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Busy(IActorRef Routee);

    /// <summary>"block" keeps it busy (processing, in an async handler) until the gate opens; the rest is echoed.</summary>
    private sealed class Gated : ReceiveActor
    {
        public Gated(IActorRef probe, Task gate)
        {
            ReceiveAsync<string>(s => s == "block", async _ =>
            {
                probe.Tell(new Busy(Self), Self);
                await gate;
            });
            ReceiveAny(m => probe.Tell(new Echoed(Self, m), Self));
        }
    }

    private IActorRef Start(string name) => ActorOf(Props.Create(() => new Gated(TestActor, _gate.Task)), name);

    private void Block(params IActorRef[] routees)
    {
        foreach (var routee in routees)
        {
            routee.Tell("block");
        }
        var busy = ReceiveN(routees.Length).Cast<Busy>().Select(b => b.Routee).ToHashSet();
        Assert.True(busy.SetEquals(routees));
    }

    private static ImmutableArray<Routee> RouteesOf(params IActorRef[] actors) => [.. actors.Select(a => new ActorRefRoutee(a))];

    [Fact]
    public void An_idle_routee_is_preferred_over_busy_ones()
    {
        var (a, b, c) = (Start("a"), Start("b"), Start("c"));
        Block(a, b);

        var picked = new SmallestMailboxRoutingLogic().Select("work", RouteesOf(a, b, c));

        Assert.Equal(new ActorRefRoutee(c), picked);
        _gate.SetResult();
    }

    [Fact]
    public void Among_busy_routees_the_one_with_the_fewest_queued_messages_is_chosen()
    {
        var (a, b, c) = (Start("a"), Start("b"), Start("c"));
        Block(a, b, c);
        a.Tell(1);
        a.Tell(2);
        b.Tell(1);
        var logic = new SmallestMailboxRoutingLogic();

        var first = logic.Select("work", RouteesOf(a, b, c));
        c.Tell(1);
        c.Tell(2);
        var second = logic.Select("work", RouteesOf(a, b, c));

        Assert.Equal(new ActorRefRoutee(c), first);
        Assert.Equal(new ActorRefRoutee(b), second);
        _gate.SetResult();
    }

    [Fact]
    public void A_stopped_routee_is_avoided_even_when_the_others_are_loaded()
    {
        var (a, b) = (Start("a"), Start("b"));
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        Block(b);
        b.Tell(1);
        b.Tell(2);

        var picked = new SmallestMailboxRoutingLogic().Select("work", RouteesOf(a, b));

        Assert.Equal(new ActorRefRoutee(b), picked);
        _gate.SetResult();
    }

    [Fact]
    public void A_smallest_mailbox_pool_routes_to_its_idle_routee()
    {
        var router = ActorOf(new SmallestMailboxPool(3).Props(Props.Create(() => new Gated(TestActor, _gate.Task))));
        router.Tell(GetRoutees.Instance);
        var routees = ExpectMsg<Routees>().Members.Cast<ActorRefRoutee>().Select(r => r.Actor).ToList();
        Block(routees[0], routees[2]);

        router.Tell("work");

        var echo = ExpectMsg<Echoed>();
        Assert.Equal(routees[1], echo.Routee);
        Assert.Equal("work", echo.Message);
        _gate.SetResult();
    }
}
