using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Cluster.Tests.Sharding;

public sealed class EntityFailureSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private IActorRef StartRegion() =>
        ClusterSharding.Get(Sys).Start("echo", TestEntity.PropsFor(TestActor), ShardingSettings.Default);

    [Fact]
    public void A_failing_entity_is_restarted_in_place_by_its_shard()
    {
        var region = StartRegion();
        region.Tell(new ShardingEnvelope("a", 1));
        var first = FishForMessage<Echo>(_ => true);

        region.Tell(new ShardingEnvelope("a", "fail"));
        region.Tell(new ShardingEnvelope("a", 2));

        ExpectMsg<EntityDown>();
        Assert.Equal(first.Entity, ExpectMsg<EntityUp>().Entity);
        var second = ExpectMsg<Echo>();
        Assert.Equal(2, second.Message);
        Assert.NotEqual(first.Instance, second.Instance);
    }

    [Fact]
    public void An_entity_that_stopped_itself_is_started_again_on_its_next_message()
    {
        var region = StartRegion();
        region.Tell(new ShardingEnvelope("a", 1));
        var first = FishForMessage<Echo>(_ => true);
        region.Tell(new ShardingEnvelope("a", "stop"));
        ExpectMsg<EntityDown>();
        // The entity reports itself down from PostStop, before its shard has seen it terminate; a message sent in
        // between goes to the stopped entity and is lost (as in Akka: an entity that may get messages passivates).
        AwaitAssert(() =>
        {
            var query = CreateTestProbe();
            region.Tell(GetShardRegionState.Instance, query.Ref);
            Assert.DoesNotContain(query.ExpectMsg<CurrentShardRegionState>().Shards, shard => shard.EntityIds.Contains("a"));
        });

        region.Tell(new ShardingEnvelope("a", 2));

        var up = ExpectMsg<EntityUp>();
        var second = ExpectMsg<Echo>();
        Assert.NotEqual(first.Entity, up.Entity);
        Assert.Equal(2, second.Message);
    }

    [Fact]
    public void An_entity_that_stopped_itself_is_not_started_again_without_a_message()
    {
        var region = StartRegion();
        region.Tell(new ShardingEnvelope("a", "stop"));
        ExpectMsg<EntityUp>();
        ExpectMsg<EntityDown>();

        Advance(TimeSpan.FromMinutes(1));

        ExpectNoMsg();
    }
}
