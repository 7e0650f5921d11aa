namespace Agents.Persistence.Actors;

/// <summary>
/// Defaults of at-least-once delivery (<c>agents.persistence.at-least-once-delivery.*</c>); an actor may override
/// each one through the matching virtual property of <see cref="Delivery.AtLeastOnceDeliveryReceiveActor"/>.
/// </summary>
public sealed record AtLeastOnceDeliveryOptions
{
    /// <summary>How long a delivery waits for its confirmation before it is sent again.</summary>
    /// <value>Default 5 seconds (<c>redeliver-interval</c>).</value>
    public TimeSpan RedeliverInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The most deliveries sent again per redelivery tick, so that an outage does not end in a flood.</summary>
    /// <value>Default 10,000 (<c>redelivery-burst-limit</c>).</value>
    public int RedeliveryBurstLimit { get; init; } = 10_000;

    /// <summary>After this many unconfirmed attempts of a delivery the actor receives an <see cref="Delivery.UnconfirmedWarning"/>.</summary>
    /// <value>Default 5 (<c>warn-after-number-of-unconfirmed-attempts</c>).</value>
    public int WarnAfterNumberOfUnconfirmedAttempts { get; init; } = 5;

    /// <summary>
    /// The most deliveries waiting for confirmation; <c>Deliver</c> beyond it throws
    /// <see cref="Delivery.MaxUnconfirmedMessagesExceededException"/>.
    /// </summary>
    /// <value>Default 100,000 (<c>max-unconfirmed-messages</c>).</value>
    public int MaxUnconfirmedMessages { get; init; } = 100_000;

    /// <summary>Checks the settings and throws with the setting, its value and the fix when one is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (RedeliverInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RedeliverInterval), RedeliverInterval,
                $"agents.persistence.at-least-once-delivery.redeliver-interval is {RedeliverInterval}; it must be positive (default 5 s).");
        }

        if (RedeliveryBurstLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RedeliveryBurstLimit), RedeliveryBurstLimit,
                $"agents.persistence.at-least-once-delivery.redelivery-burst-limit is {RedeliveryBurstLimit}; it must be at least 1 (default 10000).");
        }

        if (WarnAfterNumberOfUnconfirmedAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WarnAfterNumberOfUnconfirmedAttempts), WarnAfterNumberOfUnconfirmedAttempts,
                $"agents.persistence.at-least-once-delivery.warn-after-number-of-unconfirmed-attempts is {WarnAfterNumberOfUnconfirmedAttempts}; " +
                "it must be at least 1 (default 5).");
        }

        if (MaxUnconfirmedMessages < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxUnconfirmedMessages), MaxUnconfirmedMessages,
                $"agents.persistence.at-least-once-delivery.max-unconfirmed-messages is {MaxUnconfirmedMessages}; it must be at least 1 (default 100000).");
        }
    }
}
