using Microsoft.Extensions.Logging;

namespace Agents.Platform.Coordination;

/// <summary>The log messages of agent hosts, source-generated so that disabled levels cost nothing.</summary>
internal static partial class AgentHostLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning,
        Message = "Agent '{AgentId}' failed ({Failures} failures within the window) and starts again in {Backoff}: {Reason}")]
    public static partial void Restarting(ILogger logger, string agentId, int failures, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error,
        Message = "Agent '{AgentId}' failed {Failures} times within {Window} and stays stopped until it is restarted; last failure: {Reason}")]
    public static partial void GaveUp(ILogger logger, string agentId, int failures, TimeSpan window, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning,
        Message = "The host of agent '{AgentId}' holds {Capacity} messages while the agent is not running, its limit; a {MessageType} goes to dead letters. Raise agents.actor.stash-capacity if this is a burst")]
    public static partial void StashFull(ILogger logger, string agentId, int capacity, string messageType);
}
