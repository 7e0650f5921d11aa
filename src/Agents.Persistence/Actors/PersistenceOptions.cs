namespace Agents.Persistence.Actors;

/// <summary>
/// Settings of persistent actors in one actor system (<c>agents.persistence.*</c> in HOCON; the defaults are
/// those of the embedded <c>reference.conf</c>).
/// </summary>
public sealed record PersistenceOptions
{
    /// <summary>The settings used when none are given.</summary>
    public static PersistenceOptions Default { get; } = new();

    /// <summary>
    /// How long recovery may go without progress (snapshot loaded, highest sequence number read, next event
    /// replayed) before it fails with <see cref="RecoveryFailedException"/>. Measured on the system's
    /// <see cref="TimeProvider"/>, so a test on virtual time decides when it expires.
    /// </summary>
    /// <value>Default 30 seconds (<c>agents.persistence.recovery-timeout</c>).</value>
    public TimeSpan RecoveryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Defaults of actors with at-least-once delivery.</summary>
    public AtLeastOnceDeliveryOptions AtLeastOnceDelivery { get; init; } = new();

    /// <summary>Checks the settings and throws with the setting, its value and the fix when one is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (RecoveryTimeout <= TimeSpan.Zero && RecoveryTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(RecoveryTimeout), RecoveryTimeout,
                $"agents.persistence.recovery-timeout (PersistenceOptions.RecoveryTimeout) is {RecoveryTimeout}; it must be " +
                "positive or Timeout.InfiniteTimeSpan (default 30 s).");
        }

        ArgumentNullException.ThrowIfNull(AtLeastOnceDelivery, nameof(AtLeastOnceDelivery));
        AtLeastOnceDelivery.Validate();
    }
}
