namespace Agents.Cluster.Sharding;

/// <summary>The reply to <see cref="StartEntity"/>: the entity runs in shard <paramref name="ShardId"/>.</summary>
/// <param name="EntityId">The id of the entity.</param>
/// <param name="ShardId">The shard it lives in.</param>
public sealed record StartEntityAck(string EntityId, string ShardId);
