using Agents.Persistence.Serialization;

namespace Agents.Cluster.Sharding.Remember;

/// <summary>Journal event of <c>sharding/{type}/{shard}</c>: these entities were passivated and are forgotten.</summary>
/// <param name="EntityIds">The entities.</param>
[Manifest("agents.sharding.entities-stopped")]
public sealed record EntitiesStopped(IReadOnlyList<string> EntityIds);
