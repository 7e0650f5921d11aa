using Microsoft.Extensions.Logging;

namespace Agents.Library.Health;

/// <summary>The log messages of the health agents, source-generated so that disabled levels cost nothing.</summary>
internal static partial class HealthLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning,
        Message = "Heartbeat health agent '{AgentId}' could not read the agent directory; it scores again at its next check")]
    public static partial void DirectoryUnavailable(ILogger logger, string agentId, Exception exception);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning,
        Message = "Agent '{AgentId}' ignores the event at offset {Offset} on '{Topic}': {Problem}")]
    public static partial void PayloadIgnored(ILogger logger, string agentId, string topic, string offset, string problem);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information,
        Message = "Heartbeat health agent '{AgentId}' raises {Level} for agent '{Subject}' (score {Score}): {Message}")]
    public static partial void AlertRaised(ILogger logger, string agentId, string level, string subject, double score, string message);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information,
        Message = "Heartbeat health agent '{AgentId}' clears the alert of agent '{Subject}' (score {Score}): {Message}")]
    public static partial void AlertCleared(ILogger logger, string agentId, string subject, double score, string message);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information,
        Message = "Performance monitor '{AgentId}' flags {Metric} = {Value} as an anomaly ({Method}, score {Score}, window {Window})")]
    public static partial void AnomalyDetected(ILogger logger, string agentId, string metric, double value, string method, double score, int window);
}
