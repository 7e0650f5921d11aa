using Agents.Hocon;

namespace Agents.Cluster.Sharding;

/// <summary>
/// Reads the <c>agents.cluster.sharding</c> section (already merged over the reference defaults) onto
/// <see cref="ShardingSettings"/>. Every bad value is a <see cref="HoconException"/> located at the value,
/// naming its path, what it is, what it must be and how to fix it.
/// </summary>
internal static class ShardingSettingsBinder
{
    private const string Section = "agents.cluster.sharding";

    private static readonly string[] Keys =
        ["number-of-shards", "passivate-idle-after", "remember-entities", "buffer-size", "entity-restart-backoff"];

    public static ShardingSettings Bind(Config config)
    {
        config = config.Resolve();
        if (config.GetValue(Section) is not HoconObject section)
        {
            throw Invalid(config.GetValue(Section), Section, "it must be an object", $"{Section} {{ number-of-shards = 100 }}");
        }
        foreach (var (key, value) in section)
        {
            if (!Keys.Contains(key))
            {
                throw new HoconException(value.Origin,
                    $"{Section}.{key} is not a setting: {Section} takes only {string.Join(", ", Keys)}. Fix: correct the spelling or remove it");
            }
        }
        return new ShardingSettings
        {
            NumberOfShards = ReadInt(config, Section + ".number-of-shards",
                "the shards entity ids are hashed over", $"{Section}.number-of-shards = 100 (the default)"),
            PassivateIdleAfter = ReadDuration(config, Section + ".passivate-idle-after", allowOff: true,
                "how long an entity may be idle before it is passivated", $"{Section}.passivate-idle-after = 2 minutes (the default), or off"),
            RememberEntities = ReadBoolean(config, Section + ".remember-entities"),
            BufferSize = ReadInt(config, Section + ".buffer-size",
                "the messages buffered while shards and entities start", $"{Section}.buffer-size = 10000 (the default)"),
            EntityRestartBackoff = ReadDuration(config, Section + ".entity-restart-backoff", allowOff: false,
                "the delay before a stopped remembered entity starts again", $"{Section}.entity-restart-backoff = 10s (the default)")
                ?? TimeSpan.FromSeconds(10),
        };
    }

    private static int ReadInt(Config config, string path, string meaning, string fix)
    {
        var value = config.GetValue(path);
        int result;
        try
        {
            result = config.GetInt(path);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(value, path, $"it must be a whole number of at least 1 ({meaning})", fix, e);
        }
        return result >= 1 ? result : throw Invalid(value, path, $"it must be at least 1 ({meaning})", fix);
    }

    private static TimeSpan? ReadDuration(Config config, string path, bool allowOff, string meaning, string fix)
    {
        var value = config.GetValue(path);
        if (allowOff && value is HoconString { Value: "off" } or HoconBoolean { Value: false })
        {
            return null;
        }
        var requirement = $"it must be a positive duration such as 2 minutes or 30s{(allowOff ? ", or off" : "")} ({meaning})";
        TimeSpan result;
        try
        {
            result = config.GetDuration(path);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(value, path, requirement, fix, e);
        }
        return result > TimeSpan.Zero ? result : throw Invalid(value, path, requirement, fix);
    }

    private static bool ReadBoolean(Config config, string path)
    {
        var value = config.GetValue(path);
        try
        {
            return config.GetBoolean(path);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(value, path, "it must be on or off (true/false, yes/no)", $"{path} = on, or {path} = off", e);
        }
    }

    private static HoconException Invalid(HoconValue value, string path, string requirement, string fix, Exception? inner = null) =>
        new(value.Origin, $"{path} is {Describe(value)}; {requirement}. Fix: {fix}", inner);

    private static string Describe(HoconValue value) => value switch
    {
        HoconString s => $"\"{(s.Value.Length > 60 ? s.Value[..60] + "..." : s.Value)}\"",
        HoconNumber n => n.Text,
        HoconBoolean b => b.Value ? "true" : "false",
        HoconNull => "null",
        HoconObject => "an object",
        HoconArray => "an array",
        _ => value.ToHocon(),
    };
}
