using Agents.Actors;

namespace Agents.Cluster.Sharding;

// Passivation: on request of the entity (Passivate) and after passivate-idle-after without messages.
internal sealed partial class Shard
{
    private readonly HashSet<string> _passivating = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastActivity = new(StringComparer.Ordinal);

    /// <summary>The idle time after which entities are passivated; null when idle passivation is off.</summary>
    // Off with remember-entities, as in Akka.NET: remembered entities are meant to keep running.
    private TimeSpan? IdleTimeout => _settings.RememberEntities ? null : _settings.PassivateIdleAfter;

    private void StartIdleCheck()
    {
        if (IdleTimeout is { } idle)
        {
            // Checking twice per timeout bounds how long past its timeout an idle entity lives: at most half of it.
            Timers.StartPeriodicTimer(IdleCheck.Instance, IdleCheck.Instance, idle / 2);
        }
    }

    private void Touch(string entityId)
    {
        if (IdleTimeout is not null)
        {
            _lastActivity[entityId] = Context.System.TimeProvider.GetTimestamp();
        }
    }

    private void PassivateIdleEntities()
    {
        if (IdleTimeout is not { } idle)
        {
            return;
        }
        var time = Context.System.TimeProvider;
        List<string>? idleIds = null;
        foreach (var (entityId, last) in _lastActivity)
        {
            if (time.GetElapsedTime(last) >= idle && !_passivating.Contains(entityId))
            {
                (idleIds ??= []).Add(entityId);
            }
        }
        foreach (var entityId in idleIds ?? [])
        {
            if (_entities.TryGetValue(entityId, out var entity))
            {
                StartPassivation(entityId, entity, _settings.StopMessage);
            }
        }
    }

    private void OnPassivate(IActorRef entity, object stopMessage)
    {
        if (_idByRef.TryGetValue(entity, out var entityId) && !_passivating.Contains(entityId) && !_handingOff)
        {
            StartPassivation(entityId, entity, stopMessage);
        }
    }

    private void StartPassivation(string entityId, IActorRef entity, object stopMessage)
    {
        ShardingLog.Passivating(Log, _shardId, _typeName, entityId);
        _passivating.Add(entityId);
        _buffers.TryAdd(entityId, new Queue<BufferedMessage>());
        entity.Tell(stopMessage, Self);
    }

    /// <summary>The entity stopped after passivation: restart it for messages that arrived meanwhile, or forget it.</summary>
    private void OnPassivated(string entityId)
    {
        if (_buffers.TryGetValue(entityId, out var buffer) && buffer.Count > 0)
        {
            // Still remembered (nothing was written), and running again for the messages that came during passivation.
            FlushBuffer(entityId);
            return;
        }
        _buffers.Remove(entityId);
        if (_store is not null && _remembered.Contains(entityId))
        {
            _pendingStops.Add(entityId);
            WriteRememberUpdates();
        }
    }
}
