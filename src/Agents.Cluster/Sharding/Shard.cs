using Agents.Actors;
using Agents.Cluster.Sharding.Remember;

namespace Agents.Cluster.Sharding;

/// <summary>
/// One shard of an entity type: the parent and supervisor of its entities (children named by escaped entity
/// id). It starts an entity on its first message and forwards to it with the original sender; it holds the
/// messages of an entity that is being recorded as started or is passivating, and delivers them in arrival
/// order once it can. With remember-entities on it records started and passivated entities and starts the
/// remembered ones when it starts.
/// </summary>
internal sealed partial class Shard : ActorBase
{
    private readonly string _typeName;
    private readonly string _shardId;
    private readonly Func<string, Props> _entityProps;
    private readonly ShardingSettings _settings;
    private readonly IMessageExtractor _extractor;
    private readonly IRememberEntitiesStore? _store;
    private readonly bool _recordShard;

    private readonly Dictionary<string, IActorRef> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _idByRef = [];

    // Messages of entities that cannot take them yet (start being recorded, or passivating), in arrival order.
    private readonly Dictionary<string, Queue<BufferedMessage>> _buffers = new(StringComparer.Ordinal);
    private int _bufferedCount;
    private bool _handingOff;

    public Shard(
        string typeName, string shardId, Func<string, Props> entityProps, ShardingSettings settings,
        IMessageExtractor extractor, IRememberEntitiesStore? store, bool recordShard)
    {
        _typeName = typeName;
        _shardId = shardId;
        _entityProps = entityProps;
        _settings = settings;
        _extractor = extractor;
        _store = settings.RememberEntities ? store : null;
        _recordShard = recordShard;
    }

    protected override void PreStart()
    {
        StartIdleCheck();
        if (_store is not null)
        {
            // The shard takes no message until it knows its remembered entities; they wait in its mailbox.
            RunTask(RecoverAsync);
        }
    }

    protected override void PostStop()
    {
        // Messages still held for starting or passivating entities are not lost silently.
        foreach (var entityId in _buffers.Keys.ToArray())
        {
            DeadLetterBuffer(entityId);
        }
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated terminated:
                OnEntityTerminated(terminated.ActorRef);
                return true;
            case Passivate passivate:
                OnPassivate(Sender, passivate.StopMessage);
                return true;
            case IdleCheck:
                PassivateIdleEntities();
                return true;
            case RestartEntity restart:
                if (!_handingOff && !_entities.ContainsKey(restart.EntityId) && !_buffers.ContainsKey(restart.EntityId))
                {
                    CreateEntity(restart.EntityId);
                }
                return true;
            case RememberUpdateDone done:
                OnRememberUpdateDone(done);
                return true;
            case RememberUpdateFailed failed:
                ShardingLog.RememberWriteFailed(Log, _shardId, _typeName, failed.Cause);
                Context.Stop(Self);
                return true;
            case GetShardState:
                Sender.Tell(new ShardState(_shardId, [.. _entities.Keys.Order(StringComparer.Ordinal)]), Self);
                return true;
            case HandOff:
                OnHandOff();
                return true;
            default:
                Deliver(message, Sender);
                return true;
        }
    }

    private void Deliver(object message, IActorRef sender)
    {
        if (EntityIdOf(message) is not { } entityId)
        {
            Unhandled(message);
            return;
        }
        if (_handingOff)
        {
            Context.System.DeadLetters.Tell(new DeadLetter(message, sender, Self), sender);
            return;
        }
        if (_buffers.TryGetValue(entityId, out var buffer))
        {
            Buffer(buffer, entityId, message, sender);
            return;
        }
        if (_entities.TryGetValue(entityId, out var entity))
        {
            DeliverTo(entity, entityId, message, sender);
            return;
        }
        if (_store is not null && !_remembered.Contains(entityId))
        {
            // Remembered before it runs, so that a crash right after its first message still brings it back.
            var waiting = new Queue<BufferedMessage>();
            _buffers[entityId] = waiting;
            Buffer(waiting, entityId, message, sender);
            _pendingStarts.Add(entityId);
            WriteRememberUpdates();
            return;
        }
        DeliverTo(CreateEntity(entityId), entityId, message, sender);
    }

    private void DeliverTo(IActorRef entity, string entityId, object message, IActorRef sender)
    {
        if (message is StartEntity)
        {
            sender.Tell(new StartEntityAck(entityId, _shardId), Self);
            return;
        }
        if (EntityMessageOf(message, entityId) is not { } payload)
        {
            Unhandled(message);
            return;
        }
        Touch(entityId);
        entity.Tell(payload, sender);
    }

    // A bug in the extractor must not restart the shard, which would stop all of its entities.
    private string? EntityIdOf(object message)
    {
        try
        {
            if (_extractor.EntityId(message) is { Length: > 0 } entityId)
            {
                return entityId;
            }
        }
        catch (Exception e)
        {
            ShardingLog.ExtractorFailed(Log, _typeName, message.GetType().Name, e);
            return null;
        }
        ShardingLog.NoEntityId(Log, _typeName, message.GetType().Name);
        return null;
    }

    private object? EntityMessageOf(object message, string entityId)
    {
        try
        {
            if (_extractor.EntityMessage(message) is { } payload)
            {
                return payload;
            }
        }
        catch (Exception e)
        {
            ShardingLog.ExtractorFailed(Log, _typeName, message.GetType().Name, e);
            return null;
        }
        ShardingLog.NoEntityMessage(Log, _shardId, _typeName, message.GetType().Name, entityId);
        return null;
    }

    private void Buffer(Queue<BufferedMessage> buffer, string entityId, object message, IActorRef sender)
    {
        if (_bufferedCount >= _settings.BufferSize)
        {
            ShardingLog.ShardBufferFull(Log, _shardId, _typeName, _settings.BufferSize, message.GetType().Name, entityId);
            Context.System.DeadLetters.Tell(new DeadLetter(message, sender, Self), sender);
            return;
        }
        buffer.Enqueue(new BufferedMessage(message, sender));
        _bufferedCount++;
    }

    /// <summary>Delivers the buffered messages of <paramref name="entityId"/>, starting it when needed.</summary>
    private void FlushBuffer(string entityId)
    {
        if (!_buffers.Remove(entityId, out var buffer))
        {
            return;
        }
        _bufferedCount -= buffer.Count;
        var entity = _entities.TryGetValue(entityId, out var running) ? running : CreateEntity(entityId);
        while (buffer.TryDequeue(out var buffered))
        {
            DeliverTo(entity, entityId, buffered.Message, buffered.Sender);
        }
    }

    private IActorRef CreateEntity(string entityId)
    {
        var entity = Context.ActorOf(_entityProps(entityId), EntityNames.Escape(entityId));
        Context.Watch(entity);
        _entities[entityId] = entity;
        _idByRef[entity] = entityId;
        Touch(entityId);
        return entity;
    }

    private void OnEntityTerminated(IActorRef entity)
    {
        if (!_idByRef.Remove(entity, out var entityId))
        {
            return;
        }
        _entities.Remove(entityId);
        _lastActivity.Remove(entityId);
        if (_handingOff)
        {
            DeadLetterBuffer(entityId);
            if (_entities.Count == 0)
            {
                Context.Stop(Self);
            }
            return;
        }
        if (_passivating.Remove(entityId))
        {
            OnPassivated(entityId);
            return;
        }
        if (_store is not null && _remembered.Contains(entityId))
        {
            // Stopped without passivating (a failed start, or it stopped itself): it stays remembered, so it comes back.
            Timers.StartSingleTimer(new RestartEntity(entityId), new RestartEntity(entityId), _settings.EntityRestartBackoff);
        }
    }

    private void OnHandOff()
    {
        _handingOff = true;
        Timers.CancelAll();
        foreach (var entityId in _buffers.Keys.ToArray())
        {
            DeadLetterBuffer(entityId);
        }
        if (_entities.Count == 0)
        {
            Context.Stop(Self);
            return;
        }
        foreach (var (entityId, entity) in _entities)
        {
            if (!_passivating.Contains(entityId))
            {
                entity.Tell(_settings.StopMessage, Self);
            }
        }
    }

    private void DeadLetterBuffer(string entityId)
    {
        if (!_buffers.Remove(entityId, out var buffer))
        {
            return;
        }
        _bufferedCount -= buffer.Count;
        foreach (var buffered in buffer)
        {
            Context.System.DeadLetters.Tell(new DeadLetter(buffered.Message, buffered.Sender, Self), buffered.Sender);
        }
    }
}
