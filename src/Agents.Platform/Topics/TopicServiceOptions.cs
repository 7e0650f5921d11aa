using Agents.Actors;
using Agents.Hocon;

namespace Agents.Platform.Topics;

/// <summary>
/// How the topic service delivers durable subscriptions and retries reads: the <c>agents.topics</c> section of the
/// configuration (every setting is commented in the <c>reference.conf</c> embedded in Agents.Platform).
/// </summary>
public sealed record TopicServiceOptions
{
    /// <summary>The defaults of every setting, parsed from the <c>reference.conf</c> embedded in Agents.Platform.</summary>
    public static Config ReferenceConfig => PlatformReference.Config;

    /// <summary>The defaults of every setting (the embedded <c>reference.conf</c>).</summary>
    public static TopicServiceOptions Default { get; } = FromConfig(Config.Empty);

    /// <summary>
    /// The most events a durable subscription has delivered and not had acknowledged at once
    /// (<c>durable.max-in-flight</c>); it reads on only as its subscriber acknowledges, so a slow subscriber is not
    /// flooded.
    /// </summary>
    /// <value>100.</value>
    public int MaxInFlight { get; init; } = 100;

    /// <summary>
    /// How long after its delivery an unacknowledged event is delivered again (<c>durable.redelivery-interval</c>).
    /// </summary>
    /// <value>30 seconds.</value>
    public TimeSpan RedeliveryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest an acknowledged offset waits before it is stored (<c>durable.offset-store-interval</c>): offsets are
    /// stored in batches, because a store is a database write.
    /// </summary>
    /// <value>1 second.</value>
    public TimeSpan OffsetStoreInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many acknowledgements that move the offset make it stored at once, before
    /// <see cref="OffsetStoreInterval"/> has passed (<c>durable.offset-store-batch</c>).
    /// </summary>
    /// <value>100.</value>
    public int OffsetStoreBatch { get; init; } = 100;

    /// <summary>The wait before the first retry of a failed log read (<c>read-retry.min-backoff</c>); it doubles on each failure in a row.</summary>
    /// <value>500 milliseconds.</value>
    public TimeSpan ReadRetryMinBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between retries of a failed log read (<c>read-retry.max-backoff</c>).</summary>
    /// <value>30 seconds.</value>
    public TimeSpan ReadRetryMaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads the <c>agents.topics</c> section of <paramref name="config"/> (typically <see cref="ActorSystem.Config"/>)
    /// over the defaults of <see cref="ReferenceConfig"/>.
    /// </summary>
    /// <exception cref="HoconException">
    /// A setting has a bad value; the message starts with <c>file:line:column</c> and names the path, the value and
    /// the fix.
    /// </exception>
    public static TopicServiceOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return TopicServiceOptionsBinder.Bind(config.WithFallback(ReferenceConfig));
    }

    /// <summary>Checks values set in code, which the configuration binder has not seen.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names the property, its value and the fix.</exception>
    public void Validate()
    {
        Require(MaxInFlight >= 1, nameof(MaxInFlight), MaxInFlight, "at least 1", "100 (the default)");
        Require(RedeliveryInterval > TimeSpan.Zero, nameof(RedeliveryInterval), RedeliveryInterval, "positive", "30 seconds (the default)");
        Require(OffsetStoreInterval > TimeSpan.Zero, nameof(OffsetStoreInterval), OffsetStoreInterval, "positive", "1 second (the default)");
        Require(OffsetStoreBatch >= 1, nameof(OffsetStoreBatch), OffsetStoreBatch, "at least 1", "100 (the default)");
        Require(ReadRetryMinBackoff > TimeSpan.Zero, nameof(ReadRetryMinBackoff), ReadRetryMinBackoff, "positive", "500 milliseconds (the default)");
        Require(
            ReadRetryMaxBackoff >= ReadRetryMinBackoff, nameof(ReadRetryMaxBackoff), ReadRetryMaxBackoff,
            $"at least {nameof(ReadRetryMinBackoff)} ({ReadRetryMinBackoff})", "30 seconds (the default)");
    }

    private static void Require(bool holds, string property, object value, string requirement, string fix)
    {
        if (!holds)
        {
            throw new ArgumentException(
                $"{nameof(TopicServiceOptions)}.{property} is {value}; it must be {requirement}. Fix: set it to {fix}.", property);
        }
    }
}
