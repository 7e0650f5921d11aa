using Microsoft.Extensions.Logging;

namespace Agents.Cluster.Sharding;

/// <summary>The log messages of sharding, source-generated so that disabled levels cost nothing.</summary>
internal static partial class ShardingLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Shard region of type '{TypeName}' got a {MessageType} for no entity (the message extractor gave no entity or shard id); it is unhandled")]
    public static partial void NoEntityId(ILogger logger, string typeName, string messageType);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Shard region of type '{TypeName}' buffers {BufferSize} messages for shards being allocated, its limit; a {MessageType} for shard {ShardId} goes to dead letters. Raise agents.cluster.sharding.buffer-size if this is a burst")]
    public static partial void RegionBufferFull(ILogger logger, string typeName, int bufferSize, string messageType, string shardId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Shard {ShardId} of type '{TypeName}' buffers {BufferSize} messages for starting or passivating entities, its limit; a {MessageType} for entity {EntityId} goes to dead letters. Raise agents.cluster.sharding.buffer-size if this is a burst")]
    public static partial void ShardBufferFull(ILogger logger, string shardId, string typeName, int bufferSize, string messageType, string entityId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Shard region of type '{TypeName}' is shutting down; a {MessageType} goes to dead letters")]
    public static partial void RegionShuttingDown(ILogger logger, string typeName, string messageType);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error,
        Message = "Shard region of type '{TypeName}' could not find a home for shard {ShardId}; its {Count} buffered messages go to dead letters")]
    public static partial void AllocationFailed(ILogger logger, string typeName, string shardId, int count, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error,
        Message = "Shard {ShardId} of type '{TypeName}' could not record its entities in the remember-entities store; the shard stops and reads the store again when it next starts")]
    public static partial void RememberWriteFailed(ILogger logger, string shardId, string typeName, Exception exception);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error,
        Message = "Shard region of type '{TypeName}' could not read its remembered shards; they start when they next receive a message")]
    public static partial void RememberedShardsUnreadable(ILogger logger, string typeName, Exception exception);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug,
        Message = "Shard {ShardId} of type '{TypeName}' passivates entity {EntityId}")]
    public static partial void Passivating(ILogger logger, string shardId, string typeName, string entityId);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information,
        Message = "Shard {ShardId} of type '{TypeName}' starts {Count} remembered entities")]
    public static partial void StartingRemembered(ILogger logger, string shardId, string typeName, int count);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning,
        Message = "Shard {ShardId} of type '{TypeName}' got a {MessageType} for entity {EntityId}, but the message extractor gave no message to deliver; it is unhandled")]
    public static partial void NoEntityMessage(ILogger logger, string shardId, string typeName, string messageType, string entityId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error,
        Message = "The message extractor of type '{TypeName}' failed on a {MessageType}; the message is unhandled")]
    public static partial void ExtractorFailed(ILogger logger, string typeName, string messageType, Exception exception);
}
