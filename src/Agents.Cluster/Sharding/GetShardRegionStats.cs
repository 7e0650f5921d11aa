namespace Agents.Cluster.Sharding;

/// <summary>Asks a shard region how many entities run in each of its shards; it replies <see cref="ShardRegionStats"/>.</summary>
public sealed record GetShardRegionStats
{
    /// <summary>The one instance.</summary>
    public static GetShardRegionStats Instance { get; } = new();
}
