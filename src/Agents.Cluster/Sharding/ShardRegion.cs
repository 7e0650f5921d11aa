using Agents.Actors;
using Agents.Cluster.Sharding.Remember;

namespace Agents.Cluster.Sharding;

/// <summary>
/// The entry point of one entity type on one node (<c>/system/sharding-{type}</c>): it maps each message to a
/// shard with the type's <see cref="IMessageExtractor"/>, asks the <see cref="IShardAllocator"/> where that shard
/// lives, buffers the shard's messages until it knows, and then forwards them with their original sender to
/// its own <see cref="Shard"/> child or to the region that hosts the shard. Messages of one sender keep their
/// order: a shard's buffered messages are delivered before any that arrive later.
/// </summary>
internal sealed class ShardRegion : ActorBase
{
    // A shard that fails this often in a minute (its store keeps failing) is stopped; its next message starts it again.
    private static readonly Actors.SupervisorStrategy s_shardSupervision =
        new OneForOneStrategy(10, TimeSpan.FromMinutes(1), Actors.SupervisorStrategy.DefaultDecider);

    private readonly string _typeName;
    private readonly Func<string, Props> _entityProps;
    private readonly ShardingSettings _settings;
    private readonly IMessageExtractor _extractor;
    private readonly IShardAllocator _allocator;
    private readonly IRememberEntitiesStore? _store;

    private readonly Dictionary<string, IActorRef> _shards = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _shardIdByRef = [];
    private readonly Dictionary<string, IActorRef> _homes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BufferedMessage>> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rememberedShards = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _pendingCount;
    private bool _shuttingDown;

    public ShardRegion(
        string typeName, Func<string, Props> entityProps, ShardingSettings settings, IMessageExtractor extractor,
        IShardAllocator allocator, IRememberEntitiesStore? store)
    {
        _typeName = typeName;
        _entityProps = entityProps;
        _settings = settings;
        _extractor = extractor;
        _allocator = allocator;
        _store = settings.RememberEntities ? store : null;
    }

    protected override Actors.SupervisorStrategy SupervisorStrategy() => s_shardSupervision;

    protected override void PreStart()
    {
        if (_store is not null)
        {
            // Messages wait in the mailbox until the remembered shards are known and requested.
            RunTask(StartRememberedShardsAsync);
        }
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ShardHomeAllocated allocated:
                OnShardHome(allocated.ShardId, allocated.Region);
                return true;
            case ShardHomeFailed failed:
                OnShardHomeFailed(failed);
                return true;
            case Terminated terminated:
                OnShardTerminated(terminated.ActorRef);
                return true;
            case RestartShard restart:
                StartShard(restart.ShardId);
                return true;
            case GetShardRegionState:
                Query(statsOnly: false);
                return true;
            case GetShardRegionStats:
                Query(statsOnly: true);
                return true;
            case GracefulShutdown:
                OnGracefulShutdown();
                return true;
            default:
                Deliver(message, Sender);
                return true;
        }
    }

    private void Query(bool statsOnly)
    {
        // The props factory runs later, on the child: take the shards and the asker now.
        var shards = _shards.Values.ToArray();
        var replyTo = Sender;
        Context.ActorOf(Props.Create(() => new ShardRegionQuery(shards, replyTo, statsOnly)));
    }

    private async Task StartRememberedShardsAsync()
    {
        IReadOnlySet<string> shards;
        try
        {
            shards = await _store!.GetShardsAsync(_typeName, _stopping.Token).ConfigureAwait(true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ShardingLog.RememberedShardsUnreadable(Log, _typeName, e);
            return;
        }
        _rememberedShards.UnionWith(shards);
        foreach (var shardId in shards.Order(StringComparer.Ordinal))
        {
            StartShard(shardId);
        }
    }

    private void Deliver(object message, IActorRef sender)
    {
        if (_shuttingDown)
        {
            ShardingLog.RegionShuttingDown(Log, _typeName, message.GetType().Name);
            Context.System.DeadLetters.Tell(new DeadLetter(message, sender, Self), sender);
            return;
        }
        if (ShardIdOf(message) is not { } shardId)
        {
            Unhandled(message);
            return;
        }
        if (_homes.TryGetValue(shardId, out var home) || (!_pending.ContainsKey(shardId) && TryAllocate(shardId, out home)))
        {
            DeliverTo(home, shardId, message, sender);
            return;
        }
        if (_pendingCount >= _settings.BufferSize)
        {
            ShardingLog.RegionBufferFull(Log, _typeName, _settings.BufferSize, message.GetType().Name, shardId);
            Context.System.DeadLetters.Tell(new DeadLetter(message, sender, Self), sender);
            return;
        }
        _pending[shardId].Add(new BufferedMessage(message, sender));
        _pendingCount++;
    }

    /// <summary>The shard of <paramref name="message"/>, or null (logged) when it is for no entity or the extractor fails.</summary>
    private string? ShardIdOf(object message)
    {
        try
        {
            if (_extractor.EntityId(message) is { Length: > 0 } && _extractor.ShardId(message) is { Length: > 0 } shardId)
            {
                return shardId;
            }
        }
        catch (Exception e)
        {
            // A bug in the extractor must not restart the region, which would stop every entity of the type.
            ShardingLog.ExtractorFailed(Log, _typeName, message.GetType().Name, e);
            return null;
        }
        ShardingLog.NoEntityId(Log, _typeName, message.GetType().Name);
        return null;
    }

    /// <summary>
    /// Asks the allocator for the home of <paramref name="shardId"/>. An answer that is already there (always, on
    /// one node) is used at once; otherwise the shard's messages are buffered until it arrives.
    /// </summary>
    private bool TryAllocate(string shardId, out IActorRef home)
    {
        var allocation = _allocator.AllocateShardAsync(_typeName, shardId, Self, _stopping.Token);
        if (allocation.IsCompletedSuccessfully)
        {
            home = allocation.Result;
            _homes[shardId] = home;
            return true;
        }
        _pending[shardId] = [];
        _ = allocation.PipeTo(Self, Self, region => new ShardHomeAllocated(shardId, region), e => new ShardHomeFailed(shardId, e));
        home = null!;
        return false;
    }

    private void DeliverTo(IActorRef home, string shardId, object message, IActorRef sender)
    {
        var target = home.Equals(Self) ? LocalShard(shardId) : home;
        target.Tell(message, sender);
    }

    /// <summary>Starts a remembered shard without a message: locally, or wherever the allocator puts it.</summary>
    private void StartShard(string shardId)
    {
        if (!_shuttingDown && !_homes.ContainsKey(shardId) && !_pending.ContainsKey(shardId) && TryAllocate(shardId, out var home))
        {
            OnShardHome(shardId, home);
        }
    }

    private void OnShardHome(string shardId, IActorRef region)
    {
        if (_shuttingDown)
        {
            DeadLetterPending(shardId);
            return;
        }
        _homes[shardId] = region;
        if (region.Equals(Self))
        {
            LocalShard(shardId);
        }
        if (_pending.Remove(shardId, out var buffer))
        {
            _pendingCount -= buffer.Count;
            foreach (var buffered in buffer)
            {
                DeliverTo(region, shardId, buffered.Message, buffered.Sender);
            }
        }
    }

    private void OnShardHomeFailed(ShardHomeFailed failed)
    {
        var count = _pending.TryGetValue(failed.ShardId, out var buffer) ? buffer.Count : 0;
        ShardingLog.AllocationFailed(Log, _typeName, failed.ShardId, count, failed.Cause);
        DeadLetterPending(failed.ShardId);
    }

    private IActorRef LocalShard(string shardId)
    {
        if (_shards.TryGetValue(shardId, out var shard))
        {
            return shard;
        }
        var recordShard = _store is not null && _rememberedShards.Add(shardId);
        var (typeName, entityProps, settings, extractor, store) = (_typeName, _entityProps, _settings, _extractor, _store);
        shard = Context.ActorOf(
            Props.Create(() => new Shard(typeName, shardId, entityProps, settings, extractor, store, recordShard)),
            EntityNames.Escape(shardId));
        Context.Watch(shard);
        _shards[shardId] = shard;
        _shardIdByRef[shard] = shardId;
        return shard;
    }

    private void OnShardTerminated(IActorRef shard)
    {
        if (_shardIdByRef.Remove(shard, out var shardId))
        {
            _shards.Remove(shardId);
            // Its next message allocates it again (here: starts it again).
            _homes.Remove(shardId);
            if (_store is not null && !_shuttingDown)
            {
                // It stopped on a failure (of its store, typically); its remembered entities must come back without a message.
                Timers.StartSingleTimer(new RestartShard(shardId), new RestartShard(shardId), _settings.EntityRestartBackoff);
            }
        }
        if (_shuttingDown && _shards.Count == 0)
        {
            Context.Stop(Self);
        }
    }

    private void OnGracefulShutdown()
    {
        if (_shuttingDown)
        {
            return;
        }
        _shuttingDown = true;
        foreach (var shardId in _pending.Keys.ToArray())
        {
            DeadLetterPending(shardId);
        }
        if (_shards.Count == 0)
        {
            Context.Stop(Self);
            return;
        }
        foreach (var shard in _shards.Values)
        {
            shard.Tell(Shard.HandOff.Instance, Self);
        }
    }

    private void DeadLetterPending(string shardId)
    {
        if (!_pending.Remove(shardId, out var buffer))
        {
            return;
        }
        _pendingCount -= buffer.Count;
        foreach (var buffered in buffer)
        {
            Context.System.DeadLetters.Tell(new DeadLetter(buffered.Message, buffered.Sender, Self), buffered.Sender);
        }
    }

    /// <summary>The allocator named the region that hosts <paramref name="ShardId"/>.</summary>
    private sealed record ShardHomeAllocated(string ShardId, IActorRef Region);

    /// <summary>Timer: start again a remembered shard that stopped on a failure.</summary>
    private sealed record RestartShard(string ShardId);

    /// <summary>The allocator could not place <paramref name="ShardId"/>.</summary>
    private sealed record ShardHomeFailed(string ShardId, Exception Cause);
}
