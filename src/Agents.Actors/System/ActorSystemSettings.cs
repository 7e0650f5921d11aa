namespace Agents.Actors;

/// <summary>
/// Every setting of an actor system, in one record with its defaults. HOCON configuration
/// (<c>agents.actor.*</c>) binds onto this record; code can also create it directly:
/// <c>new ActorSystemSettings { Throughput = 50 }</c>. Services that are not settings (the
/// <see cref="TimeProvider"/> and the <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/>) are
/// passed to <see cref="ActorSystem.Create(string, ActorSystemSettings?, TimeProvider?, Microsoft.Extensions.Logging.ILoggerFactory?)"/>.
/// </summary>
public sealed record ActorSystemSettings
{
    /// <summary>The settings used when none are given.</summary>
    public static ActorSystemSettings Default { get; } = new();

    /// <summary>
    /// The most user messages a mailbox processes in one turn on the default dispatcher before it
    /// gives its thread to another actor. Higher is faster for busy actors, lower is fairer.
    /// </summary>
    /// <value>Default 100.</value>
    public int Throughput { get; init; } = 100;

    /// <summary>How long <c>Ask</c> waits for a reply when the caller gives no timeout.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many messages one actor's stash holds before <see cref="IStash.Stash"/> throws
    /// <see cref="StashOverflowException"/>.
    /// </summary>
    /// <value>Default 10,000.</value>
    public int StashCapacity { get; init; } = 10_000;

    /// <summary>The mailbox of actors whose <see cref="Props"/> do not choose one.</summary>
    /// <value>Default <see cref="MailboxOptions.Unbounded"/>.</value>
    public MailboxOptions DefaultMailbox { get; init; } = MailboxOptions.Unbounded;

    /// <summary>Whether dead letters and unhandled messages are logged (they are always published and counted).</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool LogDeadLetters { get; init; } = true;

    /// <summary>
    /// The most dead letters (and unhandled messages) logged per <see cref="DeadLetterLogInterval"/>;
    /// the rest are counted and reported in one "N more dead letters suppressed" line.
    /// </summary>
    /// <value>Default 10.</value>
    public int DeadLetterLogLimit { get; init; } = 10;

    /// <summary>The window over which <see cref="DeadLetterLogLimit"/> applies.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan DeadLetterLogInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether dead letters that arrive while the system is shutting down are logged.</summary>
    /// <value>Default <see langword="false"/>: stopping actors produce many that are expected.</value>
    public bool LogDeadLettersDuringShutdown { get; init; }

    /// <summary>
    /// The strategy with which the <c>/user</c> guardian supervises top-level actors (those created
    /// with <see cref="ActorSystem.ActorOf"/>).
    /// </summary>
    /// <value>Default <see cref="SupervisorStrategy.DefaultStrategy"/>: restart on exceptions.</value>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>Phase timeouts and hooks of <see cref="CoordinatedShutdown"/>.</summary>
    public CoordinatedShutdownSettings CoordinatedShutdown { get; init; } = new();

    /// <summary>
    /// Dispatchers that <see cref="Props.WithDispatcher"/> can name, by name (HOCON
    /// <c>agents.actor.dispatchers</c>).
    /// </summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, DispatcherSettings> NamedDispatchers { get; init; } = new Dictionary<string, DispatcherSettings>();

    /// <summary>
    /// Mailboxes that <see cref="Props.WithMailbox(string)"/> can name, by name (HOCON
    /// <c>agents.actor.mailboxes</c>). A named mailbox cannot itself be <see cref="MailboxOptions.Configured"/>.
    /// </summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, MailboxOptions> NamedMailboxes { get; init; } = new Dictionary<string, MailboxOptions>();

    /// <summary>
    /// Binds the <c>agents.actor</c> section of <paramref name="config"/>, read over the defaults of the
    /// embedded <c>reference.conf</c> (<see cref="ActorSystem.ReferenceConfig"/>), onto settings.
    /// </summary>
    /// <param name="config">The application configuration; settings it does not set keep their defaults.</param>
    /// <exception cref="Agents.Hocon.HoconException">
    /// A value is of the wrong type or out of range; the message starts with <c>file:line:column</c> and
    /// names the path, the value and the fix.
    /// </exception>
    public static ActorSystemSettings FromConfig(Agents.Hocon.Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ActorSettingsBinder.Bind(config.WithFallback(ActorSystem.ReferenceConfig));
    }

    /// <summary>Checks the settings and throws with the setting, its value and the fix when one is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Throughput), Throughput,
                $"ActorSystemSettings.Throughput is {Throughput}; it must be at least 1 (messages per mailbox turn, default 100).");
        }
        if (AskTimeout <= TimeSpan.Zero && AskTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(AskTimeout), AskTimeout,
                $"ActorSystemSettings.AskTimeout is {AskTimeout}; it must be positive or Timeout.InfiniteTimeSpan (default 10 s).");
        }
        if (StashCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(StashCapacity), StashCapacity,
                $"ActorSystemSettings.StashCapacity is {StashCapacity}; it must be at least 1 (default 10,000).");
        }
        if (DeadLetterLogLimit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DeadLetterLogLimit), DeadLetterLogLimit,
                $"ActorSystemSettings.DeadLetterLogLimit is {DeadLetterLogLimit}; it must be 0 or more (default 10).");
        }
        if (DeadLetterLogInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DeadLetterLogInterval), DeadLetterLogInterval,
                $"ActorSystemSettings.DeadLetterLogInterval is {DeadLetterLogInterval}; it must be positive (default 1 s).");
        }
        ArgumentNullException.ThrowIfNull(DefaultMailbox, nameof(DefaultMailbox));
        if (DefaultMailbox.ConfiguredName is { } defaultName)
        {
            throw new ArgumentException(
                $"ActorSystemSettings.DefaultMailbox refers to the configured mailbox '{defaultName}'; give the mailbox itself (MailboxOptions.Unbounded or MailboxOptions.Bounded).",
                nameof(DefaultMailbox));
        }
        ArgumentNullException.ThrowIfNull(NamedDispatchers, nameof(NamedDispatchers));
        foreach (var (name, dispatcher) in NamedDispatchers)
        {
            if (string.IsNullOrWhiteSpace(name) || dispatcher is null)
            {
                throw new ArgumentException(
                    $"ActorSystemSettings.NamedDispatchers has an entry '{name}' without a name or settings; every entry needs both.", nameof(NamedDispatchers));
            }
            if (dispatcher.Throughput is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(NamedDispatchers), dispatcher.Throughput,
                    $"ActorSystemSettings.NamedDispatchers['{name}'].Throughput is {dispatcher.Throughput}; it must be at least 1, or null for ActorSystemSettings.Throughput.");
            }
        }
        ArgumentNullException.ThrowIfNull(NamedMailboxes, nameof(NamedMailboxes));
        foreach (var (name, mailbox) in NamedMailboxes)
        {
            if (string.IsNullOrWhiteSpace(name) || mailbox is null || mailbox.ConfiguredName is not null)
            {
                throw new ArgumentException(
                    $"ActorSystemSettings.NamedMailboxes['{name}'] must have a name and describe a mailbox (MailboxOptions.Unbounded or MailboxOptions.Bounded), not refer to another by name.",
                    nameof(NamedMailboxes));
            }
        }
        ArgumentNullException.ThrowIfNull(GuardianSupervisorStrategy, nameof(GuardianSupervisorStrategy));
        ArgumentNullException.ThrowIfNull(CoordinatedShutdown, nameof(CoordinatedShutdown));
        CoordinatedShutdown.Validate();
    }
}
