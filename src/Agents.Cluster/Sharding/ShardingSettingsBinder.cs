using Agents.Hocon;
using static Agents.Hocon.HoconSetting;

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
            NumberOfShards = ReadInt(config, Section + ".number-of-shards", 1,
                "the shards entity ids are hashed over", $"{Section}.number-of-shards = 100 (the default)"),
            PassivateIdleAfter = ReadOptionalDuration(config, Section + ".passivate-idle-after", allowOff: true,
                "how long an entity may be idle before it is passivated", $"{Section}.passivate-idle-after = 2 minutes (the default), or off", "2 minutes or 30s"),
            RememberEntities = ReadBoolean(config, Section + ".remember-entities"),
            BufferSize = ReadInt(config, Section + ".buffer-size", 1,
                "the messages buffered while shards and entities start", $"{Section}.buffer-size = 10000 (the default)"),
            EntityRestartBackoff = ReadDuration(config, Section + ".entity-restart-backoff", allowInfinite: false,
                "the delay before a stopped remembered entity starts again", $"{Section}.entity-restart-backoff = 10s (the default)", "2 minutes or 30s"),
        };
    }





}
