namespace Agents.Cluster.Sharding;

/// <summary>One shard of a <see cref="CurrentShardRegionState"/>.</summary>
/// <param name="ShardId">The shard.</param>
/// <param name="EntityIds">The ids of its running entities, ordered.</param>
public sealed record ShardState(string ShardId, IReadOnlyList<string> EntityIds);
