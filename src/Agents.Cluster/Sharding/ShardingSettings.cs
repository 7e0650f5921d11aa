using Agents.Actors;
using Agents.Hocon;

namespace Agents.Cluster.Sharding;

/// <summary>
/// How one entity type is sharded: the <c>agents.cluster.sharding</c> section of the configuration (every
/// setting is commented in the <c>reference.conf</c> embedded in Agents.Cluster) plus
/// <see cref="StopMessage"/>, which is an object and therefore set in code.
/// </summary>
public sealed record ShardingSettings
{
    private const string ReferenceResource = "reference.conf";

    // Declared before Default, which is bound from it during type initialization.
    /// <summary>The defaults of every setting, parsed from the <c>reference.conf</c> embedded in Agents.Cluster.</summary>
    public static Config ReferenceConfig { get; } = Config.ParseResource(
        typeof(ShardingSettings).Assembly, ReferenceResource, HoconParseOptions.Default with { UseEnvironmentVariables = false });

    /// <summary>The defaults of every setting (the embedded <c>reference.conf</c>).</summary>
    public static ShardingSettings Default { get; } = FromConfig(Config.Empty);

    /// <summary>
    /// The number of shards an extractor built from these settings hashes entity ids over
    /// (<c>number-of-shards</c>).
    /// </summary>
    /// <value>100.</value>
    public int NumberOfShards { get; init; } = 100;

    /// <summary>
    /// How long an entity may go without a message before it is passivated (<c>passivate-idle-after</c>);
    /// <see langword="null"/> turns idle passivation off. Ignored when <see cref="RememberEntities"/> is on.
    /// </summary>
    /// <value>2 minutes.</value>
    public TimeSpan? PassivateIdleAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether running entities are recorded so that a restarted node starts them again without a message
    /// (<c>remember-entities</c>).
    /// </summary>
    /// <value>Off.</value>
    public bool RememberEntities { get; init; }

    /// <summary>
    /// The most messages a region buffers for shards whose home is not known yet, and a shard for entities that
    /// are starting or passivating (<c>buffer-size</c>); more go to dead letters.
    /// </summary>
    /// <value>10000.</value>
    public int BufferSize { get; init; } = 10_000;

    /// <summary>
    /// With <see cref="RememberEntities"/>: the delay before a remembered entity that stopped without passivating,
    /// or a shard that stopped because its store failed, is started again (<c>entity-restart-backoff</c>).
    /// </summary>
    /// <value>10 seconds.</value>
    public TimeSpan EntityRestartBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The message that stops an entity on idle passivation and on graceful shutdown of its region. Entities
    /// that must finish work first handle a message of their own here and stop themselves. Not in HOCON.
    /// </summary>
    /// <value><see cref="PoisonPill.Instance"/>.</value>
    public object StopMessage { get; init; } = PoisonPill.Instance;

    /// <summary>
    /// Reads the <c>agents.cluster.sharding</c> section of <paramref name="config"/> (typically
    /// <see cref="ActorSystem.Config"/>) over the defaults of <see cref="ReferenceConfig"/>.
    /// </summary>
    /// <exception cref="HoconException">
    /// A setting has a bad value; the message starts with <c>file:line:column</c> and names the path, the value
    /// and the fix.
    /// </exception>
    public static ShardingSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ShardingSettingsBinder.Bind(config.WithFallback(ReferenceConfig));
    }

    /// <summary>Checks values set in code, which the configuration binder has not seen.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names the property and the fix.</exception>
    internal void Validate(string typeName)
    {
        if (NumberOfShards < 1)
        {
            throw new ArgumentException(
                $"ShardingSettings.NumberOfShards of entity type '{typeName}' is {NumberOfShards}; it must be at least 1. Fix: use 100 (the default).");
        }
        if (BufferSize < 1)
        {
            throw new ArgumentException(
                $"ShardingSettings.BufferSize of entity type '{typeName}' is {BufferSize}; it must be at least 1. Fix: use 10000 (the default).");
        }
        if (PassivateIdleAfter is { } idle && idle <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"ShardingSettings.PassivateIdleAfter of entity type '{typeName}' is {idle}; it must be positive. Fix: use TimeSpan.FromMinutes(2), or null to turn idle passivation off.");
        }
        if (EntityRestartBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"ShardingSettings.EntityRestartBackoff of entity type '{typeName}' is {EntityRestartBackoff}; it must be positive. Fix: use TimeSpan.FromSeconds(10) (the default).");
        }
        if (StopMessage is null)
        {
            throw new ArgumentException(
                $"ShardingSettings.StopMessage of entity type '{typeName}' is null. Fix: use PoisonPill.Instance (the default) or a message the entity stops on.");
        }
    }
}
