namespace Agents.Cluster.Sharding.Remember;

/// <summary>
/// Where shards with <see cref="ShardingSettings.RememberEntities"/> on record which shards and entities run, so
/// that a restarted node starts them again. One store serves every type and shard of a system.
/// </summary>
/// <remarks>
/// Entity calls for one (type, shard) pair come from one shard actor, one at a time. <see cref="AddShardAsync"/>
/// is called by every shard of a type as it first starts, so calls for one type's shard list overlap; so do calls
/// for different shards: an implementation must be safe for concurrent use. A call that throws means the outcome
/// is unknown; the shard stops, and starts again (reading the store) after
/// <see cref="ShardingSettings.EntityRestartBackoff"/> or on its next message.
/// </remarks>
public interface IRememberEntitiesStore
{
    /// <summary>The shards of <paramref name="typeName"/> that have been started and not forgotten.</summary>
    Task<IReadOnlySet<string>> GetShardsAsync(string typeName, CancellationToken cancellationToken = default);

    /// <summary>Records that shard <paramref name="shardId"/> of <paramref name="typeName"/> was started.</summary>
    Task AddShardAsync(string typeName, string shardId, CancellationToken cancellationToken = default);

    /// <summary>The entities of one shard that have been started and not passivated since.</summary>
    Task<IReadOnlySet<string>> GetEntitiesAsync(string typeName, string shardId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records, all or nothing, that <paramref name="started"/> entities of one shard were started and
    /// <paramref name="stopped"/> ones were passivated; completes once the record is durable.
    /// </summary>
    Task UpdateEntitiesAsync(
        string typeName, string shardId, IReadOnlyCollection<string> started, IReadOnlyCollection<string> stopped,
        CancellationToken cancellationToken = default);
}
