using Microsoft.Extensions.Logging;

namespace Agents.Platform.Coordination;

/// <summary>The log messages of the agent coordinator, source-generated so that disabled levels cost nothing.</summary>
internal static partial class AgentCoordinatorLog
{
    [LoggerMessage(EventId = 5121, Level = LogLevel.Warning,
        Message = "Agent '{AgentId}' has sent no heartbeat for {SilentFor} (its timeout is {Timeout}); it is reported on agent.health.failure and restarted")]
    public static partial void Silent(ILogger logger, string agentId, TimeSpan silentFor, TimeSpan timeout);

    [LoggerMessage(EventId = 5122, Level = LogLevel.Error,
        Message = "Agent '{AgentId}' cannot start: {Reason} Register its type when the platform is added, or redefine the agent")]
    public static partial void UnknownType(ILogger logger, string agentId, string reason);

    [LoggerMessage(EventId = 5123, Level = LogLevel.Warning,
        Message = "Agent health failure of '{AgentId}' ({Reason}: {Detail}) is only logged: the actor system has no topic service to publish it on agent.health.failure")]
    public static partial void NoTopicService(ILogger logger, string agentId, string reason, string detail);

    [LoggerMessage(EventId = 5124, Level = LogLevel.Error,
        Message = "Agent health failure of '{AgentId}' ({Reason}) could not be published on agent.health.failure")]
    public static partial void PublishFailed(ILogger logger, string agentId, string reason, Exception exception);

    [LoggerMessage(EventId = 5125, Level = LogLevel.Information,
        Message = "Agent '{AgentId}' {Change}")]
    public static partial void Changed(ILogger logger, string agentId, string change);

    [LoggerMessage(EventId = 5126, Level = LogLevel.Error, Message = "{Message}")]
    public static partial void Rejected(ILogger logger, string message, Exception exception);
}
