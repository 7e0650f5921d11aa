using Agents.Persistence.Topics;
using Microsoft.Extensions.Logging;

namespace Agents.Platform.Agents;

/// <summary>The log messages of agents, source-generated so that disabled levels cost nothing.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
        Message = "Agent '{AgentId}' (type '{AgentType}') recovered up to event {SequenceNr} and runs; it subscribes to {PatternCount} topic patterns")]
    public static partial void Started(ILogger logger, string agentId, string agentType, long sequenceNr, int patternCount);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug,
        Message = "Agent '{AgentId}' skips the repeat of event {DeliveryId} on '{Topic}' (subscription '{SubscriptionId}', offset {Offset}): it handled it already, so it only acknowledges it")]
    public static partial void RepeatSkipped(ILogger logger, string agentId, long deliveryId, string topic, string subscriptionId, TopicOffset offset);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information,
        Message = "Agent '{AgentId}' rejects the unknown command '{Command}'")]
    public static partial void UnknownCommand(ILogger logger, string agentId, string command);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Debug,
        Message = "Agent '{AgentId}' queues action '{ActionName}' ({ActionId}): {MaxConcurrentActions} actions run already (limits.maxConcurrentActions); {Queued} wait")]
    public static partial void ActionQueued(ILogger logger, string agentId, string actionName, Guid actionId, int maxConcurrentActions, int queued);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning,
        Message = "Action '{ActionName}' ({ActionId}) of agent '{AgentId}' failed; the agent carries on")]
    public static partial void ActionFailed(ILogger logger, string agentId, string actionName, Guid actionId, Exception exception);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning,
        Message = "Recorder '{AgentId}' could not save its snapshot at event {SequenceNr}; it keeps running and a restart replays more events")]
    public static partial void RecorderSnapshotFailed(ILogger logger, string agentId, long sequenceNr, Exception exception);
}
