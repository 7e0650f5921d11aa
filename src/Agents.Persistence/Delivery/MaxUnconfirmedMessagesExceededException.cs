namespace Agents.Persistence.Delivery;

/// <summary>
/// <c>Deliver</c> was called while <see cref="AtLeastOnceDeliveryReceiveActor.MaxUnconfirmedMessages"/> deliveries
/// are waiting for confirmation. Nothing was sent; slow down (reject the command) until confirmations arrive.
/// </summary>
public sealed class MaxUnconfirmedMessagesExceededException : Exception
{
    /// <summary>Creates the exception for an actor at its limit of <paramref name="limit"/> deliveries.</summary>
    public MaxUnconfirmedMessagesExceededException(string persistenceId, int limit)
        : base(
            $"'{persistenceId}' already waits for confirmation of {limit} deliveries " +
            "(agents.persistence.at-least-once-delivery.max-unconfirmed-messages); the new delivery was not sent. " +
            "Reject new work until confirmations arrive, or raise the limit.")
    {
        PersistenceId = persistenceId;
        Limit = limit;
    }

    /// <summary>The delivering entity.</summary>
    public string PersistenceId { get; }

    /// <summary>The limit that was reached.</summary>
    public int Limit { get; }
}
