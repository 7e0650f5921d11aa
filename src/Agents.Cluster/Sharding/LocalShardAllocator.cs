using Agents.Actors;

namespace Agents.Cluster.Sharding;

/// <summary>The allocator of a single node: every shard lives in the region that asks.</summary>
internal sealed class LocalShardAllocator : IShardAllocator
{
    public static LocalShardAllocator Instance { get; } = new();

    public Task<IActorRef> AllocateShardAsync(string typeName, string shardId, IActorRef requester, CancellationToken cancellationToken) =>
        Task.FromResult(requester);
}
