using Agents.Actors;
using Agents.Cluster.Sharding.Remember;
using RegionActor = Agents.Cluster.Sharding.ShardRegion;

namespace Agents.Cluster.Sharding;

/// <summary>
/// Cluster sharding of one actor system (Akka.NET's extension of the same name): starts a shard region per entity
/// type and finds it again by type name. Code addresses an entity by sending to its type's region, never by
/// where the entity lives; on one node every shard is local. Get the instance with <see cref="Get"/>. Every
/// region is stopped gracefully (<see cref="GracefulShutdown"/>) in the <c>before-cluster-shutdown</c> phase of
/// the system's coordinated shutdown.
/// </summary>
public sealed class ClusterSharding
{
    private readonly ActorSystem _system;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IActorRef> _regions = new(StringComparer.Ordinal);
    private readonly Lazy<ShardingSettings> _settings;

    private ClusterSharding(ActorSystem system)
    {
        _system = system;
        _settings = new Lazy<ShardingSettings>(() => ShardingSettings.FromConfig(system.Config));
    }

    /// <summary>The sharding of <paramref name="system"/>, created on first use.</summary>
    public static ClusterSharding Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(static s => new ClusterSharding(s));
    }

    /// <summary>
    /// The settings of the system's configuration (<c>agents.cluster.sharding</c> of <see cref="ActorSystem.Config"/>
    /// over the defaults), used by the overloads of Start that take none.
    /// </summary>
    /// <exception cref="Agents.Hocon.HoconException">A setting has a bad value (thrown on first use).</exception>
    public ShardingSettings Settings => _settings.Value;

    /// <summary>The names of the types started so far, ordered.</summary>
    public IReadOnlyList<string> ShardTypeNames
    {
        get
        {
            lock (_gate)
            {
                return [.. _regions.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>
    /// Starts the shard region of <paramref name="typeName"/>; every entity runs from <paramref name="entityProps"/>.
    /// </summary>
    /// <inheritdoc cref="Start(string, Func{string, Props}, ShardingSettings, IMessageExtractor, IRememberEntitiesStore?)"/>
    public IActorRef Start(
        string typeName, Props entityProps, ShardingSettings settings, IMessageExtractor extractor,
        IRememberEntitiesStore? rememberEntitiesStore = null)
    {
        ArgumentNullException.ThrowIfNull(entityProps);
        return Start(typeName, _ => entityProps, settings, extractor, rememberEntitiesStore);
    }

    /// <summary>
    /// Starts the shard region of <paramref name="typeName"/> for <see cref="ShardingEnvelope"/> and
    /// <see cref="StartEntity"/> messages, hashed over <see cref="ShardingSettings.NumberOfShards"/> shards.
    /// </summary>
    /// <inheritdoc cref="Start(string, Func{string, Props}, ShardingSettings, IMessageExtractor, IRememberEntitiesStore?)"/>
    public IActorRef Start(
        string typeName, Func<string, Props> entityProps, ShardingSettings? settings = null,
        IRememberEntitiesStore? rememberEntitiesStore = null)
    {
        settings ??= Settings;
        return Start(typeName, entityProps, settings, HashCodeMessageExtractor.Create(Math.Max(1, settings.NumberOfShards)), rememberEntitiesStore);
    }

    /// <summary>
    /// Starts the shard region of <paramref name="typeName"/> and returns it; send it the messages of the type's
    /// entities. Entities are created on their first message from <paramref name="entityProps"/> of their id.
    /// </summary>
    /// <param name="typeName">The entity type: unique in the system, and stable (remembered entities are stored under it).</param>
    /// <param name="entityProps">The props of the entity with the given id.</param>
    /// <param name="settings">How the type is sharded; <see cref="Settings"/> for the configured defaults.</param>
    /// <param name="extractor">Maps messages to entity ids, shard ids and what the entity receives.</param>
    /// <param name="rememberEntitiesStore">
    /// Where running entities are recorded; required when <see cref="ShardingSettings.RememberEntities"/> is on
    /// (for example a <see cref="JournalRememberEntitiesStore"/>), ignored otherwise.
    /// </param>
    /// <exception cref="InvalidOperationException">The type was already started in this system.</exception>
    /// <exception cref="ArgumentException">The type name is empty, a setting is out of range, or remember-entities is on without a store.</exception>
    public IActorRef Start(
        string typeName, Func<string, Props> entityProps, ShardingSettings settings, IMessageExtractor extractor,
        IRememberEntitiesStore? rememberEntitiesStore = null) =>
        Start(typeName, entityProps, settings, extractor, rememberEntitiesStore, LocalShardAllocator.Instance);

    /// <summary>Starts a region whose shards are placed by <paramref name="allocator"/> (the cluster's seam).</summary>
    internal IActorRef Start(
        string typeName, Func<string, Props> entityProps, ShardingSettings settings, IMessageExtractor extractor,
        IRememberEntitiesStore? rememberEntitiesStore, IShardAllocator allocator)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        ArgumentNullException.ThrowIfNull(entityProps);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(extractor);
        settings.Validate(typeName);
        if (settings.RememberEntities && rememberEntitiesStore is null)
        {
            throw new ArgumentException(
                $"Entity type '{typeName}' has remember-entities on but no store to remember them in. " +
                "Fix: pass new JournalRememberEntitiesStore(journal) as rememberEntitiesStore, or turn remember-entities off.",
                nameof(rememberEntitiesStore));
        }
        lock (_gate)
        {
            if (_regions.ContainsKey(typeName))
            {
                throw new InvalidOperationException(
                    $"Entity type '{typeName}' is already started in actor system '{_system.Name}'; start each type once " +
                    "and find its region again with ClusterSharding.Get(system).ShardRegion(typeName).");
            }
            var region = _system.SystemActorOf(
                Props.Create(() => new RegionActor(typeName, entityProps, settings, extractor, allocator, rememberEntitiesStore)),
                "sharding-" + EntityNames.Escape(typeName));
            _regions[typeName] = region;
            StopOnShutdown(typeName, region);
            return region;
        }
    }

    /// <summary>
    /// Lets the coordinated shutdown stop the region gracefully before the cluster is left (Akka.NET's
    /// cluster-sharding-shutdown-region), so that entities get their stop message rather than being cut off.
    /// </summary>
    private void StopOnShutdown(string typeName, IActorRef region)
    {
        var shutdown = _system.CoordinatedShutdown;
        var phase = CoordinatedShutdown.PhaseBeforeClusterShutdown;
        var timeout = shutdown.GetPhaseTimeout(phase);
        // The registration lives as long as the system; there is nothing to dispose before it ends.
        _ = shutdown.AddTask(phase, $"sharding-shutdown-region-{typeName}",
            _ => region.GracefulStop(timeout, GracefulShutdown.Instance));
    }

    /// <summary>The shard region of <paramref name="typeName"/>.</summary>
    /// <exception cref="ArgumentException">The type was not started in this system.</exception>
    public IActorRef ShardRegion(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        lock (_gate)
        {
            if (_regions.TryGetValue(typeName, out var region))
            {
                return region;
            }
            var started = _regions.Count == 0 ? "none" : string.Join(", ", _regions.Keys.Order(StringComparer.Ordinal));
            throw new ArgumentException(
                $"Entity type '{typeName}' is not started in actor system '{_system.Name}' (started types: {started}). " +
                "Fix: call ClusterSharding.Get(system).Start for it first, or correct the type name.",
                nameof(typeName));
        }
    }
}
