using Agents.Hocon;
using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>HOCON configuration of the system and the dispatchers and mailboxes it names.</summary>
public sealed partial class ActorSystem
{
    private const string ReferenceResource = "reference.conf";
    private const string NamedDispatcherPrefix = "agents.actor.dispatchers.";
    private const string NamedMailboxPrefix = "agents.actor.mailboxes.";

    // Parsed once per process: the embedded text never changes and a Config is immutable.
    private static readonly Lazy<Config> s_referenceConfig = new(
        () => Config.ParseResource(typeof(ActorSystem).Assembly, ReferenceResource,
            HoconParseOptions.Default with { UseEnvironmentVariables = false }));

    // One shared instance per named thread-pool dispatcher; pinned ones are created per actor.
    private readonly Dictionary<string, MessageDispatcher> _namedDispatchers = new(StringComparer.Ordinal);

    /// <summary>
    /// The defaults of every <c>agents.actor</c> setting, parsed from the <c>reference.conf</c> embedded in
    /// Agents.Actors (each setting is commented there with its meaning).
    /// </summary>
    public static Config ReferenceConfig => s_referenceConfig.Value;

    /// <summary>
    /// The configuration the system was created with, merged over <see cref="ReferenceConfig"/> and
    /// resolved. Later layers (persistence, cluster) read their own sections from it. A system created
    /// from <see cref="ActorSystemSettings"/> alone has <see cref="ReferenceConfig"/> here, which then
    /// need not match <see cref="Settings"/>.
    /// </summary>
    public Config Config { get; }

    /// <summary>
    /// Creates and starts an actor system configured by HOCON: the <c>agents.actor</c> section of
    /// <paramref name="config"/>, over the defaults of <see cref="ReferenceConfig"/>, binds onto
    /// <see cref="Settings"/> (see <see cref="ActorSystemSettings.FromConfig"/>).
    /// </summary>
    /// <param name="name">The system name: ASCII letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="config">The application configuration; <see cref="Config.Empty"/> for every default.</param>
    /// <param name="timeProvider">The clock of every timer, timeout and schedule; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="loggerFactory">Where logs go; a logger factory that discards everything when null.</param>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    /// <exception cref="HoconException">
    /// A setting has a bad value; the message starts with <c>file:line:column</c> and names the path, the
    /// value and the fix.
    /// </exception>
    public static ActorSystem Create(string name, Config config, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ReferenceConfig).Resolve();
        return Create(name, ActorSettingsBinder.Bind(merged), timeProvider, loggerFactory, trackActivity: false, merged);
    }

    private void CreateNamedDispatchers()
    {
        foreach (var (name, dispatcher) in Settings.NamedDispatchers)
        {
            if (dispatcher.Type == DispatcherType.ThreadPool)
            {
                var throughput = dispatcher.Throughput ?? Settings.Throughput;
                _namedDispatchers[name] = ActivityTracker is { } tracker
                    ? new ObservedDispatcher(throughput, tracker)
                    : new ThreadPoolDispatcher(throughput);
            }
        }
    }

    internal MessageDispatcher ResolveDispatcher(string id, ActorPath path)
    {
        switch (id)
        {
            case Dispatchers.DefaultDispatcherId:
                return _defaultDispatcher;
            case Dispatchers.PinnedDispatcherId:
                return new PinnedDispatcher(Settings.Throughput, $"agents-pinned {path}");
            case Dispatchers.CallingThreadDispatcherId:
                return _callingThreadDispatcher;
        }
        var name = EntryName(id, NamedDispatcherPrefix);
        if (_namedDispatchers.TryGetValue(name, out var shared))
        {
            return shared;
        }
        if (Settings.NamedDispatchers.TryGetValue(name, out var settings))
        {
            return new PinnedDispatcher(settings.Throughput ?? Settings.Throughput, $"agents-{name} {path}");
        }
        var configured = Settings.NamedDispatchers.Count == 0 ? "none" : string.Join(", ", Settings.NamedDispatchers.Keys);
        throw new ArgumentException(
            $"The props of {path} name dispatcher '{id}', which is not configured: there is no setting " +
            $"{ActorSettingsBinder.EntryPath("agents.actor.dispatchers", name)} (configured dispatchers: {configured}). " +
            $"Add {ActorSettingsBinder.EntryPath("agents.actor.dispatchers", name)} {{ type = thread-pool }} to the configuration " +
            "(or an entry to ActorSystemSettings.NamedDispatchers), or use Dispatchers.DefaultDispatcherId, Dispatchers.PinnedDispatcherId or Dispatchers.CallingThreadDispatcherId.");
    }

    internal MailboxOptions ResolveMailbox(MailboxOptions? mailbox, ActorPath path)
    {
        if (mailbox is null)
        {
            return Settings.DefaultMailbox;
        }
        if (mailbox.ConfiguredName is not { } id)
        {
            return mailbox;
        }
        var name = EntryName(id, NamedMailboxPrefix);
        if (Settings.NamedMailboxes.TryGetValue(name, out var configured))
        {
            return configured;
        }
        var known = Settings.NamedMailboxes.Count == 0 ? "none" : string.Join(", ", Settings.NamedMailboxes.Keys);
        throw new ArgumentException(
            $"The props of {path} name mailbox '{id}', which is not configured: there is no setting " +
            $"{ActorSettingsBinder.EntryPath("agents.actor.mailboxes", name)} (configured mailboxes: {known}). " +
            $"Add {ActorSettingsBinder.EntryPath("agents.actor.mailboxes", name)} {{ type = bounded, capacity = 1000 }} to the configuration " +
            "(or an entry to ActorSystemSettings.NamedMailboxes), or pass MailboxOptions to Props.WithMailbox.");
    }

    private static string EntryName(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..].Trim('"') : id;
}
