using System.Collections.Immutable;
using System.Text;
using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

public sealed class ConsistentHashingRoutingSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed record Keyed(string Key, int Value) : IConsistentHashable
    {
        public object ConsistentHashKey => Key;
    }

    private sealed record Order(string Customer, int Number);

    private ImmutableArray<Routee> Routees(int count, int from = 0) =>
        [.. Enumerable.Range(from, count).Select(i => new ActorRefRoutee(ActorOf(Props.Create<Echo>(), $"r{i}")))];

    private static Dictionary<string, Routee> Assign(RoutingLogic logic, ImmutableArray<Routee> routees, IEnumerable<string> keys) =>
        keys.ToDictionary(k => k, k => logic.Select(new ConsistentHashableEnvelope("m", k), routees));

    private static readonly string[] Keys = [.. Enumerable.Range(0, 2_000).Select(i => $"customer-{i}")];

    [Fact]
    public void Messages_with_the_same_key_go_to_the_same_routee_in_the_order_sent()
    {
        var router = ActorOf(new ConsistentHashingPool(5).Props(Props.Create<Echo>()));

        for (var i = 0; i < 20; i++)
        {
            router.Tell(new Keyed($"k{i % 4}", i));
        }

        var echoes = ReceiveN(20).Cast<Echoed>().ToList();
        foreach (var group in echoes.GroupBy(e => ((Keyed)e.Message).Key))
        {
            Assert.Single(group.Select(e => e.Routee).Distinct());
            var values = group.Select(e => ((Keyed)e.Message).Value).ToList();
            Assert.Equal(values.Order(), values);
        }
    }

    [Fact]
    public void An_envelope_routes_by_its_key_and_the_routee_receives_the_inner_message()
    {
        var router = ActorOf(new ConsistentHashingPool(5).Props(Props.Create<Echo>()));

        router.Tell(new ConsistentHashableEnvelope("first", "same-key"));
        router.Tell(new ConsistentHashableEnvelope("second", "same-key"));

        var echoes = ReceiveN(2).Cast<Echoed>().ToList();
        Assert.Equal(["first", "second"], echoes.Select(e => e.Message));
        Assert.Equal(echoes[0].Routee, echoes[1].Routee);
    }

    [Fact]
    public void A_hash_mapping_gives_keys_to_plain_messages()
    {
        var pool = new ConsistentHashingPool(5).WithHashMapping(m => m is Order o ? o.Customer : null);
        var router = ActorOf(pool.Props(Props.Create<Echo>()));

        for (var i = 0; i < 10; i++)
        {
            router.Tell(new Order("acme", i));
        }

        var echoes = ReceiveN(10).Cast<Echoed>().ToList();
        Assert.Single(echoes.Select(e => e.Routee).Distinct());
        Assert.Equal(Enumerable.Range(0, 10), echoes.Select(e => ((Order)e.Message).Number));
    }

    [Fact]
    public void A_message_without_a_key_becomes_a_dead_letter_with_one_warning()
    {
        var router = ActorOf(new ConsistentHashingPool(3).Props(Props.Create<Echo>()));

        EventFilter.Warning("selected no routee").ExpectOne(() =>
        {
            router.Tell(new Order("acme", 1));
            router.Tell(new Order("acme", 2));
            ExpectDeadLetter<Order>(o => o.Number == 1);
            ExpectDeadLetter<Order>(o => o.Number == 2);
        });
        ExpectNoMsg();
    }

    [Fact]
    public void The_ring_is_stable_for_an_unchanged_set_of_routees_in_any_order()
    {
        var routees = Routees(5);
        var before = Assign(new ConsistentHashingRoutingLogic(), routees, Keys);

        var again = Assign(new ConsistentHashingRoutingLogic(), routees, Keys);
        var reordered = Assign(new ConsistentHashingRoutingLogic(), [.. routees.Reverse()], Keys);

        Assert.Equal(before, again);
        Assert.Equal(before, reordered);
        Assert.Equal(5, before.Values.Distinct().Count());
    }

    [Fact]
    public void Adding_a_routee_moves_about_one_nth_of_the_keys_all_to_the_new_routee()
    {
        var routees = Routees(4);
        var added = Routees(1, from: 4)[0];
        var logic = new ConsistentHashingRoutingLogic(virtualNodesFactor: 100);
        var before = Assign(logic, routees, Keys);

        var after = Assign(logic, routees.Add(added), Keys);

        var moved = Keys.Where(k => !after[k].Equals(before[k])).ToList();
        Assert.All(moved, k => Assert.Equal(added, after[k]));
        // The ideal share is 1/5 of the keys (400 of 2000); allow for the unevenness of a ring.
        Assert.InRange(moved.Count, 200, 600);
    }

    [Fact]
    public void Removing_a_routee_moves_only_its_own_keys()
    {
        var routees = Routees(5);
        var logic = new ConsistentHashingRoutingLogic();
        var before = Assign(logic, routees, Keys);

        var after = Assign(logic, routees.RemoveAt(2), Keys);

        Assert.All(Keys.Where(k => !before[k].Equals(routees[2])), k => Assert.Equal(before[k], after[k]));
    }

    [Fact]
    public void A_consistent_hashing_group_routes_a_key_to_one_actor_of_the_group()
    {
        ActorOf(Props.Create<Echo>(), "g1");
        ActorOf(Props.Create<Echo>(), "g2");
        ActorOf(Props.Create<Echo>(), "g3");
        var router = ActorOf(new ConsistentHashingGroup("/user/g1", "/user/g2", "/user/g3").Props());

        router.Tell(new Keyed("k", 1));
        router.Tell(new Keyed("k", 2));

        var echoes = ReceiveN(2).Cast<Echoed>().ToList();
        Assert.Equal(echoes[0].Routee, echoes[1].Routee);
    }

    [Theory]
    [InlineData("", 0u, 0x00000000u)]
    [InlineData("", 1u, 0x514E28B7u)]
    [InlineData("hello", 0u, 0x248BFA47u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0u, 0x2E4FF723u)]
    public void Keys_hash_with_murmur3_so_every_process_agrees(string text, uint seed, uint expected)
    {
        Assert.Equal(expected, MurmurHash3.Hash(Encoding.UTF8.GetBytes(text), seed));
    }
}
