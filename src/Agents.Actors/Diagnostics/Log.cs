using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>The runtime's log messages, source-generated so that disabled levels cost nothing.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Actor {ActorPath} failed with {ExceptionType}; its supervisor resumes it")]
    public static partial void ChildResumed(ILogger logger, ActorPath actorPath, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Actor {ActorPath} failed with {ExceptionType}; its supervisor restarts it")]
    public static partial void ChildRestarted(ILogger logger, ActorPath actorPath, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Actor {ActorPath} failed with {ExceptionType}; its supervisor stops it")]
    public static partial void ChildStopped(ILogger logger, ActorPath actorPath, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Actor {ActorPath} failed with {ExceptionType}; escalated by {SupervisorPath}")]
    public static partial void ChildEscalated(ILogger logger, ActorPath actorPath, string exceptionType, ActorPath supervisorPath);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Actor {ActorPath} failed while stopping; the failure is ignored")]
    public static partial void FailureWhileStopping(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Actor {ActorPath} failed again while waiting for its supervisor's decision; the second failure is ignored")]
    public static partial void FailureWhileFailed(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Critical, Message = "Runtime fault while running the mailbox of {ActorPath}; the actor is treated as failed")]
    public static partial void RuntimeFault(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Actor {ActorPath} dropped a failure of {ChildPath}, which is no longer its child")]
    public static partial void FailedFromUnknownChild(ILogger logger, ActorPath actorPath, ActorPath childPath, Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "PreRestart of {ActorPath} threw; the restart continues")]
    public static partial void PreRestartFailed(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "PostStop of {ActorPath} threw; the actor is stopped anyway")]
    public static partial void PostStopFailed(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "A scheduled task threw")]
    public static partial void ScheduledWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "An event stream subscriber threw while handling {EventType}")]
    public static partial void EventSubscriberFailed(ILogger logger, string eventType, Exception exception);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information,
        Message = "Message {MessageType} from {Sender} to {Recipient} was not delivered: dead letter {Count} of this system")]
    public static partial void DeadLetter(ILogger logger, string messageType, IActorRef sender, IActorRef recipient, long count);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information,
        Message = "Message {MessageType} from {Sender} to {Recipient} was not handled: unhandled message {Count} of this system")]
    public static partial void Unhandled(ILogger logger, string messageType, IActorRef sender, IActorRef recipient, long count);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Information,
        Message = "{Suppressed} more dead letters and unhandled messages suppressed in the last {Interval} (logging at most {Limit} per interval)")]
    public static partial void DeadLettersSuppressed(ILogger logger, long suppressed, TimeSpan interval, int limit);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Actor system {SystemName} started")]
    public static partial void SystemStarted(ILogger logger, string systemName);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Information, Message = "Actor system {SystemName} terminated")]
    public static partial void SystemTerminated(ILogger logger, string systemName);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Error, Message = "The /user guardian of {SystemName} stopped without a termination request; terminating the system")]
    public static partial void UserGuardianStopped(ILogger logger, string systemName);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "Coordinated shutdown of {SystemName} started: {Reason}")]
    public static partial void ShutdownStarted(ILogger logger, string systemName, string reason);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Warning, Message = "Coordinated shutdown phase {Phase} timed out after {Timeout}; tasks still running: {Tasks}")]
    public static partial void ShutdownPhaseTimedOut(ILogger logger, string phase, TimeSpan timeout, string tasks);

    [LoggerMessage(EventId = 1042, Level = LogLevel.Warning, Message = "Coordinated shutdown task {Task} of phase {Phase} failed")]
    public static partial void ShutdownTaskFailed(ILogger logger, string task, string phase, Exception exception);

    [LoggerMessage(EventId = 1043, Level = LogLevel.Warning, Message = "Coordinated shutdown task {Task} was added to phase {Phase} after the shutdown started; it will not run")]
    public static partial void ShutdownTaskTooLate(ILogger logger, string task, string phase);

    [LoggerMessage(EventId = 1044, Level = LogLevel.Information, Message = "Process exit signal {Signal} received; running the coordinated shutdown of {SystemName}")]
    public static partial void ProcessExitSignal(ILogger logger, string signal, string systemName);
}
