using Agents.Actors;

namespace Agents.Cluster.Sharding;

/// <summary>A message held by a region or shard until its shard or entity can take it, with its original sender.</summary>
internal readonly record struct BufferedMessage(object Message, IActorRef Sender);
