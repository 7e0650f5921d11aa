using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Cluster.Tests.Sharding;

public sealed class ShardRegionSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private IActorRef StartRegion(ShardingSettings? settings = null) =>
        ClusterSharding.Get(Sys).Start("echo", TestEntity.PropsFor(TestActor), settings ?? ShardingSettings.Default);

    [Fact]
    public void Messages_for_one_id_reach_the_same_entity_instance()
    {
        var region = StartRegion();

        region.Tell(new ShardingEnvelope("a", 1));
        region.Tell(new ShardingEnvelope("a", 2));

        var up = ExpectMsg<EntityUp>();
        var first = ExpectMsg<Echo>();
        var second = ExpectMsg<Echo>();
        Assert.Equal("a", up.EntityId);
        Assert.Equal(first.Instance, second.Instance);
        Assert.Equal(up.Entity, second.Entity);
    }

    [Fact]
    public void Messages_for_different_ids_reach_different_entities()
    {
        var region = StartRegion();

        region.Tell(new ShardingEnvelope("a", 1));
        region.Tell(new ShardingEnvelope("b", 1));

        var echoes = new[] { FishForMessage<Echo>(_ => true), FishForMessage<Echo>(_ => true) };
        Assert.Equal(["a", "b"], echoes.Select(e => e.EntityId).Order());
        Assert.NotEqual(echoes[0].Instance, echoes[1].Instance);
    }

    [Fact]
    public void The_entity_receives_the_payload_with_the_original_sender()
    {
        var region = StartRegion();
        var sender = CreateTestProbe();

        sender.Send(region, new ShardingEnvelope("a", "payload"));

        var echo = sender.ExpectMsg<Echo>();
        Assert.Equal("payload", echo.Message);
        Assert.Equal(echo.Entity, sender.LastSender);
    }

    [Fact]
    public void Entities_are_children_of_their_shard_named_by_escaped_entity_id()
    {
        var region = StartRegion();

        region.Tell(new ShardingEnvelope("agent/7 ~x", 1));

        var up = ExpectMsg<EntityUp>();
        Assert.Equal("agent~2F7~20~7Ex", up.Entity.Path.Name);
        Assert.Equal(HashCodeMessageExtractor.ShardIdOf("agent/7 ~x", 100), up.Entity.Path.Parent!.Name);
        Assert.Equal(region.Path, up.Entity.Path.Parent!.Parent);
    }

    [Fact]
    public void Messages_sent_right_after_start_are_buffered_and_all_delivered_in_order()
    {
        var region = StartRegion();

        for (var i = 0; i < 200; i++)
        {
            region.Tell(new ShardingEnvelope("a", i));
        }

        ExpectMsg<EntityUp>();
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(i, ExpectMsg<Echo>().Message);
        }
    }

    [Fact]
    public void Each_sender_sees_its_messages_in_the_order_sent()
    {
        var region = StartRegion();
        var senders = Enumerable.Range(0, 4).Select(_ => CreateTestProbe()).ToArray();

        Parallel.ForEach(senders, sender =>
        {
            for (var i = 0; i < 500; i++)
            {
                sender.Send(region, new ShardingEnvelope($"e{i % 3}", i));
            }
        });

        foreach (var sender in senders)
        {
            var last = new Dictionary<string, int>();
            foreach (var echo in sender.ReceiveN(500).Cast<Echo>())
            {
                var n = (int)echo.Message;
                Assert.True(n > last.GetValueOrDefault(echo.EntityId, -1), $"{echo.EntityId} got {n} after {last.GetValueOrDefault(echo.EntityId)}");
                last[echo.EntityId] = n;
            }
        }
    }

    [Fact]
    public void StartEntity_starts_the_entity_without_a_message_and_acknowledges()
    {
        var region = StartRegion();

        region.Tell(new StartEntity("a"));

        // The ack (from the shard) and the start report (from the entity) come from two senders, in either order.
        var replies = ReceiveN(2);
        Assert.Equal("a", Assert.Single(replies.OfType<EntityUp>()).EntityId);
        Assert.Equal(new StartEntityAck("a", HashCodeMessageExtractor.ShardIdOf("a", 100)), Assert.Single(replies.OfType<StartEntityAck>()));
        ExpectNoMsg();
    }

    [Fact]
    public void A_message_without_an_entity_id_is_unhandled_with_a_warning()
    {
        var region = StartRegion();
        var unhandled = new EventJournal<UnhandledMessage>();
        using var subscription = Sys.EventStream.Subscribe<UnhandledMessage>(unhandled.Append);

        EventFilter.Warning("for no entity").ExpectOne(() => region.Tell("not an envelope"));

        AwaitCondition(() => unhandled.Snapshot().Any(u => Equals(u.Message, "not an envelope")));
    }

    [Fact]
    public void The_same_type_cannot_be_started_twice()
    {
        StartRegion();

        var error = Assert.Throws<InvalidOperationException>(() => StartRegion());

        Assert.Contains("'echo' is already started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShardRegion_finds_a_started_region_by_type_name()
    {
        var region = StartRegion();

        Assert.Equal(region, ClusterSharding.Get(Sys).ShardRegion("echo"));
        Assert.Equal(["echo"], ClusterSharding.Get(Sys).ShardTypeNames);
    }

    [Fact]
    public void ShardRegion_of_an_unknown_type_names_the_started_types()
    {
        StartRegion();

        var error = Assert.Throws<ArgumentException>(() => ClusterSharding.Get(Sys).ShardRegion("other"));

        Assert.Contains("'other' is not started", error.Message, StringComparison.Ordinal);
        Assert.Contains("started types: echo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_actor_system_has_its_own_sharding()
    {
        await using var other = ActorSystem.Create("other");

        Assert.Same(ClusterSharding.Get(Sys), ClusterSharding.Get(Sys));
        Assert.NotSame(ClusterSharding.Get(Sys), ClusterSharding.Get(other));
    }

    [Fact]
    public void A_failing_extractor_leaves_the_message_unhandled_and_the_entities_running()
    {
        var extractor = HashCodeMessageExtractor.Create(10, m => m is int n ? 100 / n + "" : null);
        var region = ClusterSharding.Get(Sys).Start("numbers", TestEntity.PropsFor(TestActor), ShardingSettings.Default, extractor);
        region.Tell(5);
        var up = ExpectMsg<EntityUp>();
        ExpectMsg<Echo>();

        EventFilter.Error("message extractor of type 'numbers' failed").ExpectOne(() => region.Tell(0));

        region.Tell(5);
        Assert.Equal(up.Entity, ExpectMsg<Echo>().Entity);
    }
}
