using System.Text;
using Npgsql;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// Creates and drops databases on a server, for any server: an embedded <see cref="PostgresServer"/>
/// uses it, and so do tests that run against an existing server.
/// </summary>
public static class PostgresDatabase
{
    /// <summary>PostgreSQL's limit on identifiers (NAMEDATALEN - 1); longer names are cut silently by the server.</summary>
    public const int MaxNameBytes = 63;

    /// <summary>Creates the database <paramref name="name"/> (from <c>template1</c>, owned by the connecting user).</summary>
    /// <param name="server">Connects to any database of the server other than <c>template1</c>, as a user allowed to create databases.</param>
    /// <param name="name">The database name, taken literally (case and all).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <exception cref="ArgumentException">The name is empty, too long or holds a NUL character.</exception>
    public static async Task CreateAsync(NpgsqlDataSource server, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        await using var command = server.CreateCommand($"CREATE DATABASE {Quote(name)}");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops the database <paramref name="name"/> when it exists, ending the sessions still connected
    /// to it (<c>WITH (FORCE)</c>, PostgreSQL 13 and later).
    /// </summary>
    /// <param name="server">Connects to another database of the server as its owner or a superuser.</param>
    /// <param name="name">The database name, taken literally.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public static async Task DropAsync(NpgsqlDataSource server, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        await using var command = server.CreateCommand($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The name as a quoted SQL identifier, after checking PostgreSQL would keep it as given.</summary>
    internal static string Quote(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A database name cannot hold a NUL character.", nameof(name));
        }

        if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
        {
            throw new ArgumentException(
                $"The database name '{name}' is longer than PostgreSQL's {MaxNameBytes} bytes; the server would cut it. Choose a shorter name.",
                nameof(name));
        }

        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
