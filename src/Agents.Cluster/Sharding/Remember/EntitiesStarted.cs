using Agents.Persistence.Serialization;

namespace Agents.Cluster.Sharding.Remember;

/// <summary>Journal event of <c>sharding/{type}/{shard}</c>: these entities were started and are to be started again after a restart.</summary>
/// <param name="EntityIds">The entities.</param>
[Manifest("agents.sharding.entities-started")]
public sealed record EntitiesStarted(IReadOnlyList<string> EntityIds);
