namespace Agents.Cluster.Sharding;

/// <summary>
/// Sent to a shard region: starts the entity <paramref name="EntityId"/> if it is not running, without giving
/// it a message. The sender receives <see cref="StartEntityAck"/> once it runs.
/// </summary>
/// <param name="EntityId">The id of the entity to start.</param>
public sealed record StartEntity(string EntityId);
