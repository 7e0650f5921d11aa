using Agents.Hocon;

namespace Agents.Persistence.Actors;

/// <summary>
/// Settings of persistent actors in one actor system (<c>agents.persistence.*</c> in HOCON; the defaults are
/// those of the embedded <c>reference.conf</c>).
/// </summary>
public sealed record PersistenceOptions
{
    /// <summary>The settings of the embedded <c>reference.conf</c>, for code that builds options without a configuration.</summary>
    public static PersistenceOptions Default { get; } = new();

    /// <summary>
    /// The library's defaults: its embedded <c>reference.conf</c>, unresolved so that it can be a fallback. Parsed once
    /// per process; a <see cref="Config"/> is immutable.
    /// </summary>
    public static Config Reference { get; } = Config.ParseResource(
        typeof(PersistenceOptions).Assembly, "reference.conf", new HoconParseOptions { Resolve = false, UseEnvironmentVariables = false });

    /// <summary>
    /// Reads the <c>agents.persistence</c> section of <paramref name="config"/> (an application configuration or an
    /// actor system's <see cref="Agents.Actors.ActorSystem.Config"/>, resolved or not) over <see cref="Reference"/>.
    /// </summary>
    /// <example><code>var options = PersistenceOptions.FromConfig(Config.ParseFile("application.conf"));</code></example>
    /// <exception cref="HoconException">
    /// A setting has a bad value; the message starts with <c>file:line:column</c> and names the path, the value and the fix.
    /// </exception>
    public static PersistenceOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return PersistenceSettingsBinder.Bind(config.WithFallback(Reference).Resolve());
    }

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
