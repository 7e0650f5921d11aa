using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Cluster.Tests.Sharding;

public sealed class ShardAllocationSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    /// <summary>Puts every shard in one given region, as a coordinator would put it on another node.</summary>
    private sealed class FixedHomeAllocator(IActorRef home) : IShardAllocator
    {
        public Task<IActorRef> AllocateShardAsync(string typeName, string shardId, IActorRef requester, CancellationToken cancellationToken) =>
            Task.FromResult(home);
    }

    [Fact]
    public async Task A_region_forwards_the_messages_of_a_shard_hosted_by_another_region_with_the_original_sender()
    {
        var hosting = ClusterSharding.Get(Sys).Start("echo", TestEntity.PropsFor(TestActor), ShardingSettings.Default);
        await using var otherNode = ActorSystem.Create("other", new ActorSystemSettings(), new ManualTimeProvider());
        var forwarding = ClusterSharding.Get(otherNode).Start(
            "echo", TestEntity.PropsFor(TestActor), ShardingSettings.Default, HashCodeMessageExtractor.Create(100), null,
            new FixedHomeAllocator(hosting));
        var sender = CreateTestProbe();

        sender.Send(forwarding, new ShardingEnvelope("a", 1));

        var echo = sender.ExpectMsg<Echo>();
        Assert.Equal(hosting.Path, echo.Entity.Path.Parent!.Parent);
        forwarding.Tell(GetShardRegionState.Instance);
        Assert.Empty(FishForMessage<CurrentShardRegionState>(_ => true).Shards);
    }
}
