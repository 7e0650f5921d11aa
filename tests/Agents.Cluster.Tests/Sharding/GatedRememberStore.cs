using Agents.Cluster.Sharding.Remember;

namespace Agents.Cluster.Tests.Sharding;

/// <summary>A remember-entities store in memory whose entity writes wait until the test opens the gate.</summary>
public sealed class GatedRememberStore : IRememberEntitiesStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly HashSet<string> _entities = new(StringComparer.Ordinal);

    private int _updatesCalled;

    public int Writes { get; private set; }

    /// <summary>How many updates the shards have begun, including those waiting at the gate.</summary>
    public int UpdatesCalled => Volatile.Read(ref _updatesCalled);

    public void Open() => _gate.TrySetResult();

    public Task<IReadOnlySet<string>> GetShardsAsync(string typeName, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

    public Task AddShardAsync(string typeName, string shardId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlySet<string>> GetEntitiesAsync(string typeName, string shardId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

    public async Task UpdateEntitiesAsync(
        string typeName, string shardId, IReadOnlyCollection<string> started, IReadOnlyCollection<string> stopped,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _updatesCalled);
        await _gate.Task.ConfigureAwait(false);
        lock (_lock)
        {
            Writes++;
            _entities.UnionWith(started);
            _entities.ExceptWith(stopped);
        }
    }
}
