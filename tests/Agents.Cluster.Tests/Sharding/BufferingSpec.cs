using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Cluster.Tests.Sharding;

public sealed class BufferingSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private IActorRef StartRegion(ShardingSettings settings, IShardAllocator allocator, GatedRememberStore? store = null) =>
        ClusterSharding.Get(Sys).Start("echo", TestEntity.PropsFor(TestActor), settings, HashCodeMessageExtractor.Create(10), store, allocator);

    [Fact]
    public void The_region_holds_messages_until_the_shard_has_a_home_then_delivers_them_in_order()
    {
        var allocator = new GatedShardAllocator();
        var region = StartRegion(ShardingSettings.Default, allocator);

        region.Tell(new ShardingEnvelope("a", 1));
        region.Tell(new ShardingEnvelope("a", 2));
        ExpectNoMsg();
        allocator.Open();

        ExpectMsg<EntityUp>();
        Assert.Equal(1, ExpectMsg<Echo>().Message);
        Assert.Equal(2, ExpectMsg<Echo>().Message);
    }

    [Fact]
    public void A_message_beyond_the_region_buffer_goes_to_dead_letters_with_a_warning()
    {
        var allocator = new GatedShardAllocator();
        var region = StartRegion(ShardingSettings.Default with { BufferSize = 2 }, allocator);
        region.Tell(new ShardingEnvelope("a", 1));
        region.Tell(new ShardingEnvelope("a", 2));

        EventFilter.Warning("buffers 2 messages").ExpectOne(() => region.Tell(new ShardingEnvelope("a", 3)));

        ExpectDeadLetter<ShardingEnvelope>(e => Equals(e.Message, 3));
        allocator.Open();
        ExpectMsg<EntityUp>();
        Assert.Equal(1, ExpectMsg<Echo>().Message);
        Assert.Equal(2, ExpectMsg<Echo>().Message);
        ExpectNoMsg();
    }

    [Fact]
    public void A_remembered_entity_gets_its_messages_only_after_its_start_is_recorded()
    {
        var store = new GatedRememberStore();
        var region = StartRegion(ShardingSettings.Default with { RememberEntities = true }, LocalShardAllocator.Instance, store);

        region.Tell(new ShardingEnvelope("a", 1));
        region.Tell(new ShardingEnvelope("a", 2));
        ExpectNoMsg();
        store.Open();

        ExpectMsg<EntityUp>();
        Assert.Equal(1, ExpectMsg<Echo>().Message);
        Assert.Equal(2, ExpectMsg<Echo>().Message);
        Assert.Equal(1, store.Writes);
    }

    [Fact]
    public void A_message_beyond_the_shard_buffer_goes_to_dead_letters_with_a_warning()
    {
        var store = new GatedRememberStore();
        var region = StartRegion(ShardingSettings.Default with { RememberEntities = true, BufferSize = 1 }, LocalShardAllocator.Instance, store);
        region.Tell(new ShardingEnvelope("a", 1));
        AwaitCondition(() => store.UpdatesCalled == 1);

        EventFilter.Warning("for starting or passivating entities").ExpectOne(() => region.Tell(new ShardingEnvelope("a", 2)));

        ExpectDeadLetter<ShardingEnvelope>(e => Equals(e.Message, 2));
        store.Open();
        ExpectMsg<EntityUp>();
        Assert.Equal(1, ExpectMsg<Echo>().Message);
        ExpectNoMsg();
    }
}
