using Agents.Persistence.Topics;
using Microsoft.Extensions.Logging;

namespace Agents.Platform.Topics;

/// <summary>The topic service's log messages.</summary>
internal static partial class TopicServiceLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning,
        Message = "The topic service cannot find the end of the topic log; retrying in {Backoff}. Publishes wait until it can.")]
    public static partial void TailStartFailed(ILogger logger, TimeSpan backoff, Exception exception);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning,
        Message = "The topic service's live reader failed after offset {Offset}; retrying in {Backoff}. Live subscribers receive nothing meanwhile.")]
    public static partial void TailReadFailed(ILogger logger, TopicOffset offset, TimeSpan backoff, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error,
        Message = "The topic service's live reader skips the unreadable event at offset {Offset} (topic '{Topic}', manifest '{Manifest}'); live subscribers do not receive it.")]
    public static partial void TailSkipped(ILogger logger, TopicOffset offset, string topic, string manifest, Exception exception);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning,
        Message = "Durable topic subscription '{SubscriptionId}' cannot load its offset; retrying in {Backoff}.")]
    public static partial void OffsetLoadFailed(ILogger logger, string subscriptionId, TimeSpan backoff, Exception exception);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning,
        Message = "Durable topic subscription '{SubscriptionId}' failed reading the topic log after offset {Offset}; retrying in {Backoff}.")]
    public static partial void DurableReadFailed(ILogger logger, string subscriptionId, TopicOffset offset, TimeSpan backoff, Exception exception);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning,
        Message = "Durable topic subscription '{SubscriptionId}' cannot store its offset {Offset}; it keeps it and tries again. After a restart it would resume from the offset stored last.")]
    public static partial void OffsetStoreFailed(ILogger logger, string subscriptionId, TopicOffset offset, Exception exception);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Debug,
        Message = "Durable topic subscription '{SubscriptionId}' delivers {Count} unacknowledged events again.")]
    public static partial void Redelivering(ILogger logger, string subscriptionId, int count);

    [LoggerMessage(EventId = 5114, Level = LogLevel.Debug,
        Message = "Durable topic subscription '{SubscriptionId}' starts delivering to {Subscriber} after offset {Offset}.")]
    public static partial void DurableStarted(ILogger logger, string subscriptionId, string subscriber, TopicOffset offset);

    [LoggerMessage(EventId = 5116, Level = LogLevel.Information,
        Message = "Durable topic subscription '{SubscriptionId}' is new and begins at the end of the topic log, offset {Offset}.")]
    public static partial void DurableBeganAtEnd(ILogger logger, string subscriptionId, TopicOffset offset);

    [LoggerMessage(EventId = 5115, Level = LogLevel.Debug,
        Message = "Durable topic subscription '{SubscriptionId}' ends with offset {Offset} stored.")]
    public static partial void DurableEnded(ILogger logger, string subscriptionId, TopicOffset offset);
}
