namespace Agents.Cluster.Sharding;

/// <summary>The reply to <see cref="GetShardRegionState"/>: the shards of the region, ordered by shard id.</summary>
/// <param name="Shards">Each shard with the ids of its running entities.</param>
public sealed record CurrentShardRegionState(IReadOnlyList<ShardState> Shards);
