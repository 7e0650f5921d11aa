namespace Agents.Actors.Routing;

/// <summary>
/// Gives a message its consistent-hashing key without changing the message type: the router routes by
/// <see cref="HashKey"/> and the routee receives <see cref="RouterEnvelope.Message"/>.
/// </summary>
public sealed record ConsistentHashableEnvelope : RouterEnvelope, IConsistentHashable
{
    /// <summary>Wraps <paramref name="message"/> with <paramref name="hashKey"/>.</summary>
    /// <exception cref="ArgumentNullException">The message or key is null.</exception>
    public ConsistentHashableEnvelope(object message, object hashKey)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(hashKey);
        HashKey = hashKey;
    }

    /// <summary>The key the router routes by (see <see cref="IConsistentHashable.ConsistentHashKey"/> for how keys hash).</summary>
    public object HashKey { get; }

    /// <inheritdoc />
    public object ConsistentHashKey => HashKey;
}
