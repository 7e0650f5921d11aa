using Microsoft.Extensions.Logging;
using Npgsql;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// A PostgreSQL server started by <see cref="PostgresLauncher"/>, listening on 127.0.0.1. It stops
/// with <see cref="StopAsync"/> or <see cref="DisposeAsync"/>, and by itself when this process exits
/// in any way, even when killed.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly Watchdog _watchdog;
    private readonly DataDirectory? _temporary;
    private readonly string _socketDirectory;
    private readonly TimeSpan _shutdownTimeout;
    private readonly ILogger _logger;
    private readonly NpgsqlDataSource _admin;
    private readonly Lock _stopping = new();
    private Task? _stopped;

    internal PostgresServer(
        Watchdog watchdog, int processId, int port, DataDirectory data, bool temporary, string socketDirectory,
        string connectionString, TimeSpan shutdownTimeout, ILogger logger)
    {
        _watchdog = watchdog;
        _temporary = temporary ? data : null;
        _socketDirectory = socketDirectory;
        _shutdownTimeout = shutdownTimeout;
        _logger = logger;
        ProcessId = processId;
        Port = port;
        DataDirectory = data.Path;
        LogFile = data.Log.Path;
        ConnectionString = connectionString;
        _admin = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>
    /// Connects as the superuser to the <c>postgres</c> database, in Npgsql's form
    /// (<c>Host=127.0.0.1;Port=...;Username=...;Password=...;Database=postgres</c>).
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>The TCP port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The absolute path of the data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The server's log file (inside the data directory; gone with it once a temporary server stops).</summary>
    public string LogFile { get; }

    /// <summary>The postmaster's process id.</summary>
    public int ProcessId { get; }

    /// <summary>The connection string for another database of this server, as the superuser.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates a database and returns its connection string.</summary>
    /// <param name="name">The database name, taken literally; at most 63 bytes.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await PostgresDatabase.CreateAsync(_admin, name, cancellationToken).ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    /// <summary>Drops a database if it exists, ending the sessions connected to it.</summary>
    /// <param name="name">The database name, taken literally.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        PostgresDatabase.DropAsync(_admin, name, cancellationToken);

    /// <summary>
    /// Stops the server with a fast shutdown (open sessions are ended, transactions rolled back, then a
    /// checkpoint) and waits until it has exited. Calling it again waits for the same stop.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the server still stops.</param>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_stopping)
        {
            _stopped ??= StopCoreAsync();
        }

        return _stopped.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the server, as <see cref="StopAsync"/> does.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task StopCoreAsync()
    {
        _logger.Stopping(Port);
        await _admin.DisposeAsync().ConfigureAwait(false);
        await _watchdog.StopAsync(ProcessId, _shutdownTimeout, _logger).ConfigureAwait(false);
        _logger.Stopped(Port, _watchdog.ExitCode);
        _watchdog.Dispose();
        SocketDirectory.Delete(_socketDirectory);

        // The watchdog has deleted a temporary data directory already, unless it lacked the permission.
        try
        {
            _temporary?.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.TemporaryDataKept(DataDirectory, e.Message);
        }
    }
}
