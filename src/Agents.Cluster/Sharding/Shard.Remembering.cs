using Agents.Actors;

namespace Agents.Cluster.Sharding;

// Remember-entities: the started and passivated entities of the shard, written to the store one batch at a time.
internal sealed partial class Shard
{
    private readonly HashSet<string> _remembered = new(StringComparer.Ordinal);
    private List<string> _pendingStarts = [];
    private List<string> _pendingStops = [];
    private bool _writing;

    private async Task RecoverAsync()
    {
        var store = _store!;
        if (_recordShard)
        {
            await store.AddShardAsync(_typeName, _shardId).ConfigureAwait(true);
        }
        var remembered = await store.GetEntitiesAsync(_typeName, _shardId).ConfigureAwait(true);
        _remembered.UnionWith(remembered);
        if (remembered.Count > 0)
        {
            ShardingLog.StartingRemembered(Log, _shardId, _typeName, remembered.Count);
        }
        foreach (var entityId in remembered.Order(StringComparer.Ordinal))
        {
            CreateEntity(entityId);
        }
    }

    /// <summary>Starts a write of the pending starts and stops unless one is in flight; the next one follows it.</summary>
    private void WriteRememberUpdates()
    {
        if (_writing || (_pendingStarts.Count == 0 && _pendingStops.Count == 0))
        {
            return;
        }
        var started = _pendingStarts;
        var stopped = _pendingStops;
        _pendingStarts = [];
        _pendingStops = [];
        _writing = true;
        _ = _store!.UpdateEntitiesAsync(_typeName, _shardId, started, stopped)
            .PipeTo(Self, Self, () => new RememberUpdateDone(started, stopped), e => new RememberUpdateFailed(e));
    }

    private void OnRememberUpdateDone(RememberUpdateDone done)
    {
        _writing = false;
        _remembered.UnionWith(done.Started);
        foreach (var entityId in done.Stopped)
        {
            _remembered.Remove(entityId);
            if (_entities.ContainsKey(entityId) || _buffers.ContainsKey(entityId))
            {
                // It came back (a message arrived) while its stop was being written: remember it again.
                _pendingStarts.Add(entityId);
            }
        }
        foreach (var entityId in done.Started)
        {
            if (!_handingOff)
            {
                FlushBuffer(entityId);
            }
        }
        WriteRememberUpdates();
    }
}
