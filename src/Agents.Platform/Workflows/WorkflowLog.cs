using Microsoft.Extensions.Logging;

namespace Agents.Platform.Workflows;

/// <summary>The log entries of the workflow engine (source-generated: rules see every event of their topics).</summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow rule {Rule} subscribed to {Patterns} as {SubscriptionId}")]
    public static partial void Subscribed(ILogger logger, string rule, string patterns, string subscriptionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Workflow rule {Rule} fired on {Topic} (delivery {DeliveryId}): {Command} to {Target}")]
    public static partial void Fired(ILogger logger, string rule, string topic, long deliveryId, string command, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow rule {Rule}: telling agent {AgentId} {Command} (delivery {DeliveryId}) failed: {Reason}")]
    public static partial void TellFailed(ILogger logger, Exception? exception, string rule, string agentId, string command, long deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow rule {Rule}: finding the agents of type {AgentType} failed; no agent was told (delivery {DeliveryId})")]
    public static partial void TargetsFailed(ILogger logger, Exception exception, string rule, string agentType, long deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow rule {Rule} fired on delivery {DeliveryId}, but no agent of type {AgentType} is running")]
    public static partial void NoTargets(ILogger logger, string rule, string agentType, long deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow rule {Rule}: the payload of delivery {DeliveryId} on {Topic} ({Manifest}) cannot be read as JSON; the event is skipped")]
    public static partial void PayloadUnreadable(ILogger logger, Exception exception, string rule, long deliveryId, string topic, string manifest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow rule {Rule}: publishing the audit record of delivery {DeliveryId} on workflow.rule.fired failed")]
    public static partial void AuditFailed(ILogger logger, Exception exception, string rule, long deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The workflow engine got an event of subscription {SubscriptionId}, which no rule has; it is ignored")]
    public static partial void UnknownSubscription(ILogger logger, string subscriptionId);
}
