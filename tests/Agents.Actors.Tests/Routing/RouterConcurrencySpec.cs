using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

public sealed class RouterConcurrencySpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed record Numbered(int Sender, int Sequence) : IConsistentHashable
    {
        public object ConsistentHashKey => Sender;
    }

    private sealed record Report;

    private sealed record Tally(int Count, int OutOfOrder);

    /// <summary>Counts messages and checks that each sender's messages arrive in increasing order.</summary>
    private sealed class OrderChecker : ReceiveActor
    {
        private readonly Dictionary<int, int> _last = [];
        private int _count;
        private int _outOfOrder;

        public OrderChecker()
        {
            Receive<Numbered>(n =>
            {
                if (_last.TryGetValue(n.Sender, out var last) && n.Sequence <= last)
                {
                    _outOfOrder++;
                }
                _last[n.Sender] = n.Sequence;
                _count++;
            });
            Receive<Report>(_ => Sender.Tell(new Tally(_count, _outOfOrder), Self));
        }
    }

    private async Task<List<Tally>> SendConcurrently(IActorRef router, int senders, int perSender)
    {
        var routees = Routees(router);
        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < perSender; i++)
            {
                router.Tell(new Numbered(s, i), null);
            }
        })));
        router.Tell(new Broadcast(new Report()));
        return [.. ReceiveN(routees, TimeSpan.FromMinutes(1)).Cast<Tally>()];
    }

    private int Routees(IActorRef router)
    {
        router.Tell(GetRoutees.Instance);
        return ExpectMsg<Routees>().Members.Count;
    }

    [Fact]
    public async Task Many_senders_through_a_round_robin_pool_lose_nothing_and_keep_per_sender_order()
    {
        const int senders = 8;
        const int perSender = 5_000;
        var router = ActorOf(new RoundRobinPool(4).Props(Props.Create<OrderChecker>()));

        var tallies = await SendConcurrently(router, senders, perSender);

        Assert.Equal(senders * perSender, tallies.Sum(t => t.Count));
        Assert.All(tallies, t => Assert.Equal(0, t.OutOfOrder));
        // Round robin over a shared counter: every routee gets exactly its share.
        Assert.All(tallies, t => Assert.Equal(senders * perSender / 4, t.Count));
    }

    [Fact]
    public async Task Many_senders_through_a_consistent_hashing_pool_lose_nothing_and_each_sender_stays_on_one_routee()
    {
        const int senders = 8;
        const int perSender = 5_000;
        var router = ActorOf(new ConsistentHashingPool(4).Props(Props.Create<OrderChecker>()));

        var tallies = await SendConcurrently(router, senders, perSender);

        Assert.Equal(senders * perSender, tallies.Sum(t => t.Count));
        Assert.All(tallies, t => Assert.Equal(0, t.OutOfOrder));
        Assert.All(tallies, t => Assert.Equal(0, t.Count % perSender));
    }

    [Fact]
    public async Task Many_senders_through_a_smallest_mailbox_pool_lose_nothing()
    {
        const int senders = 8;
        const int perSender = 5_000;
        var router = ActorOf(new SmallestMailboxPool(4).Props(Props.Create<OrderChecker>()));

        var tallies = await SendConcurrently(router, senders, perSender);

        Assert.Equal(senders * perSender, tallies.Sum(t => t.Count));
    }

    [Fact]
    public async Task Routees_added_while_messages_flow_lose_nothing()
    {
        const int perSender = 5_000;
        var router = ActorOf(new RoundRobinPool(2).Props(Props.Create<OrderChecker>()));
        var sending = Task.Run(() =>
        {
            for (var i = 0; i < perSender; i++)
            {
                router.Tell(new Numbered(0, i), null);
            }
        });

        router.Tell(new AdjustPoolSize(3));
        await sending;
        Assert.Equal(5, Routees(router));
        router.Tell(new Broadcast(new Report()));
        var tallies = ReceiveN(5, TimeSpan.FromMinutes(1)).Cast<Tally>().ToList();

        Assert.Equal(perSender, tallies.Sum(t => t.Count));
    }
}
