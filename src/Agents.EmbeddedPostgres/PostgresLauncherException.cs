namespace Agents.EmbeddedPostgres;

/// <summary>
/// The embedded PostgreSQL server could not be found, initialised, started or stopped. The message
/// names what went wrong, where, and how to fix it; it ends with the tail of the server's log when
/// the server itself failed.
/// </summary>
public class PostgresLauncherException : Exception
{
    /// <summary>Creates the exception with a message that says what failed and how to fix it.</summary>
    public PostgresLauncherException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public PostgresLauncherException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
