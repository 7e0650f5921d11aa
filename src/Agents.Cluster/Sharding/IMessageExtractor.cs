namespace Agents.Cluster.Sharding;

/// <summary>
/// Tells a shard region which entity a message is for, which shard that entity lives in and what to deliver
/// to it. Must be a pure function of the message: every node computes the same answers for the same message,
/// at any time, from any thread.
/// </summary>
public interface IMessageExtractor
{
    /// <summary>
    /// The id of the entity <paramref name="message"/> is for, or <see langword="null"/> when it is for none (the
    /// region then logs a warning and treats it as unhandled). Must also answer <see cref="StartEntity"/>.
    /// </summary>
    string? EntityId(object message);

    /// <summary>What the entity receives for <paramref name="message"/>, e.g. the payload of an envelope.</summary>
    object? EntityMessage(object message);

    /// <summary>
    /// The shard of the entity <paramref name="message"/> is for. Every message of one entity must give the same
    /// shard id, including <see cref="StartEntity"/>; <see langword="null"/> when the message is for no entity.
    /// </summary>
    string? ShardId(object message);
}
