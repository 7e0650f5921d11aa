using Agents.Persistence.Serialization;

namespace Agents.Cluster.Sharding.Remember;

/// <summary>Journal event of <c>sharding/{type}</c>: a shard of the type was started and is to be started again after a restart.</summary>
/// <param name="ShardId">The shard.</param>
[Manifest("agents.sharding.shard-started")]
public sealed record ShardStarted(string ShardId);
