using System.Net.Sockets;
using Agents.Persistence.Journal;
using Npgsql;

namespace Agents.Persistence.PostgreSql;

/// <summary>Turns driver exceptions into <see cref="JournalStorageException"/>s that say where and what to do.</summary>
internal static class StorageFailure
{
    /// <summary>host:port/database of the data source, without credentials.</summary>
    public static string Describe(NpgsqlDataSource dataSource)
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>Whether <paramref name="exception"/> says the storage failed rather than the caller's data.</summary>
    public static bool IsStorageFailure(Exception exception) =>
        exception is NpgsqlException or SocketException or IOException or TimeoutException;

    /// <summary>Wraps a failure of <paramref name="operation"/>.</summary>
    public static JournalStorageException Wrap(NpgsqlDataSource dataSource, string operation, Exception exception, string consequence) =>
        new($"{operation} on {Describe(dataSource)} failed: {exception.Message} {consequence}", exception);
}
