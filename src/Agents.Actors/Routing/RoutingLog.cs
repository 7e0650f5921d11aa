using Microsoft.Extensions.Logging;

namespace Agents.Actors.Routing;

/// <summary>The routers' log messages, source-generated so that disabled levels cost nothing.</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning,
        Message = "{Logic} of {Router} selected no routee for a {MessageType}, which becomes a dead letter (warned once per router). " +
            "For consistent hashing the message needs a key: implement IConsistentHashable, wrap it in ConsistentHashableEnvelope, or give the router a hash mapping")]
    public static partial void NoRouteeSelected(ILogger logger, string logic, string messageType, string router);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Router {Router} lost its last routee and stops")]
    public static partial void AllRouteesRemoved(ILogger logger, ActorPath router);
}
