namespace Agents.Cluster.Sharding;

/// <summary>The reply to <see cref="GetShardRegionStats"/>.</summary>
/// <param name="Stats">The number of running entities by shard id.</param>
public sealed record ShardRegionStats(IReadOnlyDictionary<string, int> Stats);
