namespace Agents.Cluster.Sharding;

/// <summary>The extractor of <see cref="HashCodeMessageExtractor.Create"/>.</summary>
internal sealed class DelegateMessageExtractor(
    int maxNumberOfShards, Func<object, string?>? entityId, Func<object, object>? entityMessage)
    : HashCodeMessageExtractor(maxNumberOfShards)
{
    protected override string? EntityIdOf(object message) => entityId?.Invoke(message);

    public override object? EntityMessage(object message) => message switch
    {
        ShardingEnvelope envelope => envelope.Message,
        StartEntity => message,
        _ => entityMessage is null ? message : entityMessage(message),
    };
}
