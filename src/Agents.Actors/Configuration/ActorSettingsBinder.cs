using Agents.Hocon;
using static Agents.Hocon.HoconSetting;

namespace Agents.Actors;

/// <summary>
/// Reads the <c>agents.actor</c> section of a configuration (already merged over the reference
/// defaults) onto <see cref="ActorSystemSettings"/>. Every bad value is a <see cref="HoconException"/>
/// located at the value, naming its path, what it is, what it must be and how to fix it.
/// </summary>
internal static class ActorSettingsBinder
{
    private const string Section = "agents.actor";
    private const string DispatchersPath = Section + ".dispatchers";
    private const string MailboxesPath = Section + ".mailboxes";
    private const string PhasesPath = Section + ".coordinated-shutdown.phases";

    private static readonly string[] MailboxKeys = ["type", "capacity", "overflow"];
    private static readonly string[] DispatcherKeys = ["type", "throughput"];

    public static ActorSystemSettings Bind(Config config)
    {
        config = config.Resolve();
        var throughput = ReadInt(config, Section + ".throughput", 1,
            "the messages a mailbox processes per turn", "agents.actor.throughput = 100 (the default)");
        return new ActorSystemSettings
        {
            Throughput = throughput,
            AskTimeout = ReadDuration(config, Section + ".ask-timeout", allowInfinite: true,
                "how long Ask waits for a reply", "agents.actor.ask-timeout = 10s (the default) or infinite"),
            StashCapacity = ReadInt(config, Section + ".stash-capacity", 1,
                "the messages one actor can stash", "agents.actor.stash-capacity = 10000 (the default)"),
            DefaultMailbox = ReadMailbox(config, Section + ".default-mailbox"),
            LogDeadLetters = ReadBoolean(config, Section + ".dead-letter-logging.enabled"),
            DeadLetterLogLimit = ReadInt(config, Section + ".dead-letter-logging.limit", 0,
                "the dead letters logged per interval", "agents.actor.dead-letter-logging.limit = 10 (the default), or 0 to log none"),
            DeadLetterLogInterval = ReadDuration(config, Section + ".dead-letter-logging.interval", allowInfinite: false,
                "the window of the dead letter log limit", "agents.actor.dead-letter-logging.interval = 1s (the default)"),
            LogDeadLettersDuringShutdown = ReadBoolean(config, Section + ".dead-letter-logging.during-shutdown"),
            CoordinatedShutdown = new CoordinatedShutdownSettings
            {
                DefaultPhaseTimeout = ReadDuration(config, Section + ".coordinated-shutdown.default-phase-timeout", allowInfinite: false,
                    "how long a shutdown phase may take", "agents.actor.coordinated-shutdown.default-phase-timeout = 5s (the default)"),
                PhaseTimeouts = ReadPhaseTimeouts(config),
                RunByActorSystemTerminate = ReadBoolean(config, Section + ".coordinated-shutdown.run-by-actor-system-terminate"),
                RunOnProcessExit = ReadBoolean(config, Section + ".coordinated-shutdown.run-on-process-exit"),
            },
            NamedDispatchers = ReadDispatchers(config),
            NamedMailboxes = ReadMailboxes(config),
        };
    }

    /// <summary>The path of an entry under <paramref name="parent"/>, quoting the key when HOCON needs it.</summary>
    internal static string EntryPath(string parent, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? $"{parent}.{key}"
            : $"{parent}.\"{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";





    private static MailboxOptions ReadMailbox(Config config, string path)
    {
        var entry = EntryObject(config, path, "{ type = bounded, capacity = 1000, overflow = drop-newest }");
        RejectUnknownKeys(entry, path, MailboxKeys);
        var bounded = entry.ContainsKey("type")
            ? ReadChoice(config, path + ".type", [("unbounded", false), ("bounded", true)])
            : entry.ContainsKey("capacity");
        if (!bounded)
        {
            return MailboxOptions.Unbounded;
        }
        if (!entry.ContainsKey("capacity"))
        {
            throw new HoconException(entry.Origin,
                $"{path} is a bounded mailbox without a capacity. Fix: add {path}.capacity = 1000 (the most queued messages), or set {path}.type = unbounded");
        }
        var capacity = ReadInt(config, path + ".capacity", 1, "the most queued user messages of a bounded mailbox", $"{path}.capacity = 1000");
        var overflow = entry.ContainsKey("overflow")
            ? ReadChoice(config, path + ".overflow", [("drop-newest", MailboxOverflowStrategy.DropNewest), ("fail-sender", MailboxOverflowStrategy.FailSender)])
            : MailboxOverflowStrategy.DropNewest;
        return MailboxOptions.Bounded(capacity, overflow);
    }

    private static Dictionary<string, MailboxOptions> ReadMailboxes(Config config)
    {
        var mailboxes = new Dictionary<string, MailboxOptions>(StringComparer.Ordinal);
        foreach (var name in EntryNames(config, MailboxesPath))
        {
            mailboxes[name] = ReadMailbox(config, EntryPath(MailboxesPath, name));
        }
        return mailboxes;
    }

    private static Dictionary<string, DispatcherSettings> ReadDispatchers(Config config)
    {
        var dispatchers = new Dictionary<string, DispatcherSettings>(StringComparer.Ordinal);
        foreach (var name in EntryNames(config, DispatchersPath))
        {
            var path = EntryPath(DispatchersPath, name);
            var entry = EntryObject(config, path, "{ type = thread-pool, throughput = 100 }");
            RejectUnknownKeys(entry, path, DispatcherKeys);
            dispatchers[name] = new DispatcherSettings
            {
                Type = entry.ContainsKey("type")
                    ? ReadChoice(config, path + ".type", [("thread-pool", DispatcherType.ThreadPool), ("pinned", DispatcherType.Pinned)])
                    : DispatcherType.ThreadPool,
                Throughput = entry.ContainsKey("throughput")
                    ? ReadInt(config, path + ".throughput", 1, "the messages a mailbox of this dispatcher processes per turn", $"{path}.throughput = 100, or remove it to use agents.actor.throughput")
                    : null,
            };
        }
        return dispatchers;
    }

    private static Dictionary<string, TimeSpan> ReadPhaseTimeouts(Config config)
    {
        var timeouts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var known = string.Join(", ", CoordinatedShutdown.KnownPhases);
        foreach (var phase in EntryNames(config, PhasesPath))
        {
            var path = EntryPath(PhasesPath, phase);
            if (!CoordinatedShutdown.KnownPhases.Contains(phase))
            {
                throw new HoconException(config.GetValue(path).Origin,
                    $"{path} names an unknown coordinated shutdown phase '{phase}'. Fix: use one of {known}");
            }
            var entry = EntryObject(config, path, "{ timeout = 5s }");
            RejectUnknownKeys(entry, path, ["timeout"]);
            if (entry.ContainsKey("timeout"))
            {
                timeouts[phase] = ReadDuration(config, path + ".timeout", allowInfinite: false,
                    $"how long the {phase} phase may take", $"{path}.timeout = 5s");
            }
        }
        return timeouts;
    }

    private static IEnumerable<string> EntryNames(Config config, string path)
    {
        var value = config.HasPath(path) ? config.GetValue(path) : null;
        return value switch
        {
            null => [],
            HoconObject obj => obj.Keys.ToArray(),
            _ => throw Invalid(value, path, "it must be an object of named entries", $"{path} {{ name {{ ... }} }}, or remove it"),
        };
    }

    private static HoconObject EntryObject(Config config, string path, string example)
    {
        var value = config.GetValue(path);
        return value as HoconObject ?? throw Invalid(value, path, "it must be an object", $"{path} {example}");
    }

    private static void RejectUnknownKeys(HoconObject entry, string path, string[] known)
    {
        foreach (var (key, value) in entry)
        {
            if (!known.Contains(key))
            {
                throw new HoconException(value.Origin,
                    $"{EntryPath(path, key)} is not a setting: {path} takes only {string.Join(", ", known)}. Fix: correct the spelling or remove it");
            }
        }
    }


}
