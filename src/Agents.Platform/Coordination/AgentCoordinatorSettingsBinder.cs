using Agents.Hocon;
using static Agents.Hocon.HoconSetting;

namespace Agents.Platform.Coordination;

/// <summary>
/// Reads the <c>agents.coordinator</c> section (already merged over the reference defaults) onto
/// <see cref="AgentPlatformOptions"/>. Every bad value is a <see cref="HoconException"/> located at the value,
/// naming its path, what it is, what it must be and how to fix it.
/// </summary>
internal static class AgentCoordinatorSettingsBinder
{
    private const string Section = "agents.coordinator";
    private const string Backoff = Section + ".backoff";

    private static readonly string[] Keys = ["backoff", "max-failures", "failure-window", "heartbeat-check-interval", "ask-timeout"];
    private static readonly string[] BackoffKeys = ["min-backoff", "max-backoff", "random-factor"];

    public static AgentPlatformOptions Bind(Config config)
    {
        RejectUnknownKeys(config, Section, Keys, $"{Section} {{ max-failures = 5 }}");
        RejectUnknownKeys(config, Backoff, BackoffKeys, $"{Backoff} {{ min-backoff = 1s, max-backoff = 30s, random-factor = 0.2 }}");
        var minBackoff = ReadDuration(config, Backoff + ".min-backoff", allowInfinite: false,
            "the wait before the first restart of a failed agent", $"{Backoff}.min-backoff = 1s (the default)", "1s or 500ms");
        var maxBackoff = ReadDuration(config, Backoff + ".max-backoff", allowInfinite: false,
            "the longest wait between restarts of a failing agent", $"{Backoff}.max-backoff = 30s (the default)", "30s or 2 minutes");
        if (maxBackoff < minBackoff)
        {
            throw Invalid(config.GetValue(Backoff + ".max-backoff"), Backoff + ".max-backoff",
                $"it must be at least min-backoff ({minBackoff})", $"{Backoff}.max-backoff = 30s (the default)");
        }
        var supervision = new AgentSupervision(
            minBackoff,
            maxBackoff,
            ReadRandomFactor(config, Backoff + ".random-factor"),
            ReadInt(config, Section + ".max-failures", 0,
                "the failures within the failure window after which an agent is given up", $"{Section}.max-failures = 5 (the default)"),
            ReadDuration(config, Section + ".failure-window", allowInfinite: false,
                "the window failures are counted in", $"{Section}.failure-window = 5 minutes (the default)", "5 minutes or 1h"));
        return new AgentPlatformOptions
        {
            Supervision = supervision,
            HeartbeatCheckInterval = ReadDuration(config, Section + ".heartbeat-check-interval", allowInfinite: false,
                "how often silent agents are looked for", $"{Section}.heartbeat-check-interval = 5s (the default)", "5s or 1s"),
            AskTimeout = ReadDuration(config, Section + ".ask-timeout", allowInfinite: false,
                "how long a call of the agent directory waits for the coordinator", $"{Section}.ask-timeout = 10s (the default)", "10s or 30s"),
        };
    }

    private static double ReadRandomFactor(Config config, string path)
    {
        var value = config.GetValue(path);
        const string Requirement = "it must be a number from 0 to 1 (the share of random extra wait before a restart)";
        var fix = $"{path} = 0.2 (the default)";
        double factor;
        try
        {
            factor = config.GetDouble(path);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(value, path, Requirement, fix, e);
        }
        return factor is >= 0 and <= 1 ? factor : throw Invalid(value, path, Requirement, fix);
    }

    private static void RejectUnknownKeys(Config config, string path, string[] keys, string fix)
    {
        if (config.GetValue(path) is not HoconObject section)
        {
            throw Invalid(config.GetValue(path), path, "it must be an object", fix);
        }
        foreach (var (key, value) in section)
        {
            if (!keys.Contains(key))
            {
                throw new HoconException(value.Origin,
                    $"{path}.{key} is not a setting: {path} takes only {string.Join(", ", keys)}. Fix: correct the spelling or remove it");
            }
        }
    }
}
