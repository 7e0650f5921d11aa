using Agents.Actors;
using Agents.Cluster.Sharding;

namespace Agents.Cluster.Tests.Sharding;

/// <summary>Places every shard in the asking region, but only once the test opens the gate.</summary>
internal sealed class GatedShardAllocator : IShardAllocator
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate.TrySetResult();

    public async Task<IActorRef> AllocateShardAsync(string typeName, string shardId, IActorRef requester, CancellationToken cancellationToken)
    {
        await _gate.Task.ConfigureAwait(false);
        return requester;
    }
}
