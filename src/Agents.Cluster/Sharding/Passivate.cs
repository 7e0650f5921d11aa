namespace Agents.Cluster.Sharding;

/// <summary>
/// Sent by an entity to its parent (<c>Context.Parent</c>, the shard) to be stopped: the shard sends
/// <paramref name="StopMessage"/> back to the entity and holds the messages that arrive for it until it has
/// stopped; when some arrived, the entity is started again and receives them, in order.
/// </summary>
/// <param name="StopMessage">What the entity receives to stop; PoisonPill, or a message on which it stops itself.</param>
public sealed record Passivate(object StopMessage);
