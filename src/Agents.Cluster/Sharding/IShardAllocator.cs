using Agents.Actors;

namespace Agents.Cluster.Sharding;

/// <summary>
/// Decides which region hosts a shard: the one seam between a region and the place its shards live. On one
/// node every shard is local (<see cref="LocalShardAllocator"/>); the cluster puts a coordinator behind it that
/// allocates shards to the regions of other nodes (with an epoch per allocation in PostgreSQL).
/// </summary>
internal interface IShardAllocator
{
    /// <summary>
    /// The region that hosts <paramref name="shardId"/>: <paramref name="requester"/> itself when the shard is
    /// to run there, or another node's region of the same type to which the requester forwards the shard's
    /// messages.
    /// </summary>
    Task<IActorRef> AllocateShardAsync(string typeName, string shardId, IActorRef requester, CancellationToken cancellationToken);
}
