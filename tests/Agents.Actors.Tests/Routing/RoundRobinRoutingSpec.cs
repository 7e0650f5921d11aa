using System.Collections.Immutable;
using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

public sealed class RoundRobinRoutingSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void A_round_robin_pool_sends_to_each_routee_in_turn_keeping_the_order_per_routee()
    {
        var router = ActorOf(new RoundRobinPool(3).Props(Props.Create<Echo>()));

        for (var i = 0; i < 9; i++)
        {
            router.Tell(i);
        }

        var byRoutee = ReceiveN(9).Cast<Echoed>().GroupBy(e => e.Routee).ToDictionary(g => g.Key, g => g.Select(e => (int)e.Message).ToList());
        Assert.Equal(3, byRoutee.Count);
        var sequences = byRoutee.Values.OrderBy(s => s[0]).ToList();
        Assert.Equal([0, 3, 6], sequences[0]);
        Assert.Equal([1, 4, 7], sequences[1]);
        Assert.Equal([2, 5, 8], sequences[2]);
    }

    [Fact]
    public void The_round_robin_logic_starts_with_the_first_routee_and_wraps_around()
    {
        var routees = Enumerable.Range(0, 3).Select(i => (Routee)new ActorRefRoutee(CreateTestProbe().Ref)).ToImmutableArray();
        var logic = new RoundRobinRoutingLogic();

        var picked = Enumerable.Range(0, 7).Select(_ => logic.Select("m", routees)).ToList();

        Assert.Equal([routees[0], routees[1], routees[2], routees[0], routees[1], routees[2], routees[0]], picked);
    }

    [Fact]
    public async Task Concurrent_senders_get_exactly_equal_shares_from_the_round_robin_logic()
    {
        var routees = Enumerable.Range(0, 4).Select(i => (Routee)new ActorRefRoutee(CreateTestProbe().Ref)).ToImmutableArray();
        var logic = new RoundRobinRoutingLogic();
        const int threads = 8;
        const int perThread = 10_000;

        var picks = await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
            Enumerable.Range(0, perThread).Select(_ => logic.Select("m", routees)).ToList())));

        var counts = picks.SelectMany(p => p).GroupBy(r => r).Select(g => g.Count()).ToList();
        Assert.Equal(Enumerable.Repeat(threads * perThread / 4, 4), counts);
    }

    [Fact]
    public void A_router_without_routees_turns_messages_into_dead_letters()
    {
        var router = new Router(new RoundRobinRoutingLogic());

        router.Route("lost", TestActor);

        ExpectDeadLetter<string>(s => s == "lost");
    }
}
