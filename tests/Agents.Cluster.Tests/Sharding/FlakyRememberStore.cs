using Agents.Cluster.Sharding.Remember;

namespace Agents.Cluster.Tests.Sharding;

/// <summary>A remember-entities store in memory whose entity write number <c>failingWrite</c> (1-based) throws.</summary>
public sealed class FlakyRememberStore(int failingWrite) : IRememberEntitiesStore
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _entities = new(StringComparer.Ordinal);
    private int _writes;

    public Task<IReadOnlySet<string>> GetShardsAsync(string typeName, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

    public Task AddShardAsync(string typeName, string shardId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlySet<string>> GetEntitiesAsync(string typeName, string shardId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(_entities));
        }
    }

    public Task UpdateEntitiesAsync(
        string typeName, string shardId, IReadOnlyCollection<string> started, IReadOnlyCollection<string> stopped,
        CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (++_writes == failingWrite)
            {
                return Task.FromException(new IOException("store unreachable"));
            }
            _entities.UnionWith(started);
            _entities.ExceptWith(stopped);
            return Task.CompletedTask;
        }
    }
}
