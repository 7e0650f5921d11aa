using Microsoft.Extensions.Logging;

namespace Agents.EmbeddedPostgres;

/// <summary>The launcher's log messages.</summary>
internal static partial class PostgresLauncherLog
{
    [LoggerMessage(1, LogLevel.Information, "Initialising the PostgreSQL data directory {DataDirectory} as OS user {User} (initdb)")]
    public static partial void Initialising(this ILogger logger, string dataDirectory, string user);

    [LoggerMessage(2, LogLevel.Information, "Initialised the PostgreSQL data directory {DataDirectory} in {Elapsed}")]
    public static partial void Initialised(this ILogger logger, string dataDirectory, TimeSpan elapsed);

    [LoggerMessage(3, LogLevel.Debug, "Starting PostgreSQL on 127.0.0.1:{Port} with data directory {DataDirectory} as OS user {User}; server log {LogFile}")]
    public static partial void Starting(this ILogger logger, int port, string dataDirectory, string user, string logFile);

    [LoggerMessage(4, LogLevel.Information, "PostgreSQL is ready on 127.0.0.1:{Port} (postmaster PID {ProcessId}, data directory {DataDirectory}) after {Elapsed}")]
    public static partial void Ready(this ILogger logger, int port, int processId, string dataDirectory, TimeSpan elapsed);

    [LoggerMessage(5, LogLevel.Warning, "Port {Port} was taken before PostgreSQL could listen on it; retrying with another free port (attempt {Attempt} of {Attempts})")]
    public static partial void PortTaken(this ILogger logger, int port, int attempt, int attempts);

    [LoggerMessage(6, LogLevel.Information, "Stopping PostgreSQL on 127.0.0.1:{Port} (fast shutdown)")]
    public static partial void Stopping(this ILogger logger, int port);

    [LoggerMessage(7, LogLevel.Information, "PostgreSQL on 127.0.0.1:{Port} stopped with exit status {ExitCode}")]
    public static partial void Stopped(this ILogger logger, int port, int exitCode);

    [LoggerMessage(8, LogLevel.Warning, "PostgreSQL (PID {ProcessId}) did not finish a fast shutdown within {Timeout}; sending SIGQUIT (immediate shutdown)")]
    public static partial void ImmediateShutdown(this ILogger logger, int processId, TimeSpan timeout);

    [LoggerMessage(9, LogLevel.Warning, "PostgreSQL's watchdog (PID {ProcessId}) did not stop; killing it and its children")]
    public static partial void Killing(this ILogger logger, int processId);

    [LoggerMessage(10, LogLevel.Warning, "The temporary PostgreSQL data directory {DataDirectory} could not be deleted: {Reason}")]
    public static partial void TemporaryDataKept(this ILogger logger, string dataDirectory, string reason);
}
