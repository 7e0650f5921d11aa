namespace Agents.Cluster.Sharding;

/// <summary>Asks a shard region for its shards and their running entities; it replies <see cref="CurrentShardRegionState"/>.</summary>
public sealed record GetShardRegionState
{
    /// <summary>The one instance.</summary>
    public static GetShardRegionState Instance { get; } = new();
}
