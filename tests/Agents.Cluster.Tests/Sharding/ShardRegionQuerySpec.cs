using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Cluster.Tests.Sharding;

public sealed class ShardRegionQuerySpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private IActorRef StartRegion(params string[] entityIds)
    {
        var lifecycle = CreateTestProbe();
        var region = ClusterSharding.Get(Sys).Start("echo", TestEntity.PropsFor(lifecycle.Ref), ShardingSettings.Default);
        foreach (var entityId in entityIds)
        {
            region.Tell(new StartEntity(entityId));
            ExpectMsg<StartEntityAck>();
        }
        return region;
    }

    private static string ShardOf(string entityId) => HashCodeMessageExtractor.ShardIdOf(entityId, 100);

    [Fact]
    public void A_region_without_shards_reports_none()
    {
        var region = StartRegion();

        region.Tell(GetShardRegionState.Instance);

        Assert.Empty(ExpectMsg<CurrentShardRegionState>().Shards);
    }

    [Fact]
    public void The_region_state_lists_each_shard_with_its_running_entities()
    {
        string[] ids = ["a", "b", "c", "d", "e"];
        var region = StartRegion(ids);

        region.Tell(GetShardRegionState.Instance);

        var expected = ids.GroupBy(ShardOf).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ShardState(g.Key, [.. g.Order(StringComparer.Ordinal)])).ToArray();
        var state = ExpectMsg<CurrentShardRegionState>();
        Assert.Equal(expected.Select(s => s.ShardId), state.Shards.Select(s => s.ShardId));
        Assert.Equal(expected.Select(s => string.Join(",", s.EntityIds)), state.Shards.Select(s => string.Join(",", s.EntityIds)));
    }

    [Fact]
    public void The_region_stats_count_the_running_entities_per_shard()
    {
        string[] ids = ["a", "b", "c", "d", "e"];
        var region = StartRegion(ids);

        region.Tell(GetShardRegionStats.Instance);

        var stats = ExpectMsg<ShardRegionStats>().Stats;
        Assert.Equal(ids.Length, stats.Values.Sum());
        Assert.All(ids, id => Assert.True(stats[ShardOf(id)] >= 1));
    }

    [Fact]
    public void A_stopped_entity_leaves_the_region_state()
    {
        var region = StartRegion("a", "b");
        region.Tell(new ShardingEnvelope("b", "stop"));

        AwaitAssert(() =>
        {
            region.Tell(GetShardRegionState.Instance);
            var entities = ExpectMsg<CurrentShardRegionState>().Shards.SelectMany(s => s.EntityIds);
            Assert.Equal(["a"], entities);
        });
    }
}
