namespace Agents.Cluster.Sharding;

/// <summary>
/// A message for the entity <paramref name="EntityId"/>, for types whose messages do not carry the id
/// themselves. The entity receives <paramref name="Message"/>.
/// </summary>
/// <param name="EntityId">The id of the entity; not empty.</param>
/// <param name="Message">What the entity receives.</param>
public sealed record ShardingEnvelope(string EntityId, object Message);
