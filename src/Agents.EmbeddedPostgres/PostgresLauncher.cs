using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Npgsql;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// Starts a private PostgreSQL server from the machine's binaries: initialises the data directory on
/// first use, listens on 127.0.0.1 and a private Unix-socket directory only, and hands back a
/// <see cref="PostgresServer"/> once the server accepts connections. The server never outlives this
/// process: it runs under a watchdog (<see cref="WatchdogScript"/>) that stops it when this process
/// exits, however it exits. When this process is root, initdb and the server run as
/// <see cref="PostgresLauncherOptions.ServerUserName"/>.
/// </summary>
public sealed partial class PostgresLauncher
{
    private const int PortAttempts = 5;
    private static readonly TimeSpan ReadinessPoll = TimeSpan.FromMilliseconds(10);
    private static readonly FrozenSet<string> LauncherSettings =
        new[] { "port", "listen_addresses", "unix_socket_directories" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly PostgresLauncherOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<int> _pickPort;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates a launcher; nothing happens until <see cref="StartAsync"/>.</summary>
    /// <param name="options">What to start.</param>
    /// <param name="timeProvider">Measures the startup and shutdown timeouts; the system clock when null.</param>
    public PostgresLauncher(PostgresLauncherOptions options, TimeProvider? timeProvider = null)
        : this(options, timeProvider ?? TimeProvider.System, FreePort.Pick, Environment.GetEnvironmentVariable)
    {
    }

    internal PostgresLauncher(
        PostgresLauncherOptions options, TimeProvider timeProvider, Func<int> pickPort, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider;
        _pickPort = pickPort;
        _environment = environment;
    }

    /// <summary>
    /// Initialises the data directory when needed, starts the server and waits until it accepts
    /// connections.
    /// </summary>
    /// <param name="cancellationToken">Abandons the start; a server already started is stopped again.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="PostgresLauncherException">The binaries are missing, the data directory is unusable,
    /// the port is taken, or the server failed or did not become ready in time. The message says which and
    /// how to fix it.</exception>
    public async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PostgresLauncherException(
                "The embedded PostgreSQL server runs on Linux only. On this system, configure a connection string to a PostgreSQL server.");
        }

        Validate(_options);
        var binaries = PostgresBinaries.Find(_options.BinariesDirectory, _environment);
        var user = ServerUser.Resolve(_options.ServerUserName, _environment);
        var data = new DataDirectory(_options.DataDirectory);
        await data.PrepareAsync(user, _options.Temporary, cancellationToken).ConfigureAwait(false);
        try
        {
            return await StartOnAsync(data, binaries, user, cancellationToken).ConfigureAwait(false);
        }
        catch when (_options.Temporary)
        {
            data.Delete();
            throw;
        }
    }

    private async Task<PostgresServer> StartOnAsync(
        DataDirectory data, PostgresBinaries binaries, ServerUser user, CancellationToken cancellationToken)
    {
        var password = data.IsInitialised
            ? data.ReadPassword()
            : await InitialiseAsync(data, binaries, user, cancellationToken).ConfigureAwait(false);

        var attempts = _options.Port == 0 ? PortAttempts : 1;
        for (var attempt = 1; ; attempt++)
        {
            var port = _options.Port == 0 ? _pickPort() : _options.Port;
            var (server, log) = await TryStartAsync(data, binaries, user, port, password, cancellationToken).ConfigureAwait(false);
            if (server is not null)
            {
                return server;
            }

            if (_options.Port != 0)
            {
                throw new PostgresLauncherException(
                    $"Port {port} on 127.0.0.1 is already in use, so the PostgreSQL server for '{data.Path}' could not listen on it " +
                    "(PostgresLauncherOptions.Port). Stop what listens there ('ss -ltnp' shows it), choose another port, or use 0 " +
                    $"to pick a free one. The server log '{data.Log.Path}' ends with:\n{log}");
            }

            if (attempt == attempts)
            {
                throw new PostgresLauncherException(
                    $"The PostgreSQL server for '{data.Path}' could not listen on any of {attempts} free ports picked one after " +
                    $"another: each was taken before the server bound it. Another process is binding ports fast; retry, or set " +
                    $"PostgresLauncherOptions.Port to a port reserved for it. The server log '{data.Log.Path}' ends with:\n{log}");
            }

            _options.Logger.PortTaken(port, attempt, attempts);
        }
    }

    private async Task<string> InitialiseAsync(
        DataDirectory data, PostgresBinaries binaries, ServerUser user, CancellationToken cancellationToken)
    {
        _options.Logger.Initialising(data.Path, user.Name);
        var started = _time.GetTimestamp();
        var password = await data.InitialiseAsync(binaries, user, _options.SuperuserName, cancellationToken).ConfigureAwait(false);
        _options.Logger.Initialised(data.Path, _time.GetElapsedTime(started));
        return password;
    }

    /// <summary>Starts the server on <paramref name="port"/>; no server but the log's tail when the port was taken.</summary>
    private async Task<(PostgresServer? Server, string? BindFailureLog)> TryStartAsync(
        DataDirectory data, PostgresBinaries binaries, ServerUser user, int port, string password, CancellationToken cancellationToken)
    {
        var socketDirectory = SocketDirectory.Create(user);
        var logStart = data.Log.End();
        _options.Logger.Starting(port, data.Path, user.Name, data.Log.Path);
        var started = _time.GetTimestamp();
        Watchdog watchdog;
        try
        {
            watchdog = Watchdog.Start(
                user, binaries, data, _options.Temporary, socketDirectory, ServerArguments(data, port, socketDirectory), _time);
        }
        catch
        {
            SocketDirectory.Delete(socketDirectory);
            throw;
        }

        PostgresServer? server = null;
        int? postmaster = null;
        try
        {
            postmaster = await WaitUntilReadyAsync(watchdog, data, logStart, started, cancellationToken).ConfigureAwait(false);
            if (postmaster is not { } processId)
            {
                var tail = data.Log.TailSince(logStart);
                if (ServerLog.IsBindFailure(tail))
                {
                    return (null, tail);
                }

                var output = await watchdog.OutputAsync().ConfigureAwait(false);
                throw new PostgresLauncherException(
                    $"The PostgreSQL server for data directory '{data.Path}' exited with status {watchdog.ExitCode} while starting. " +
                    $"The server log '{data.Log.Path}' ends with:\n{tail}" +
                    (output.Length == 0 ? "" : $"\nIts watchdog printed:\n    {output}"));
            }

            var connectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = _options.SuperuserName,
                Password = password,
                Database = "postgres",
            }.ConnectionString;
            await CheckLoginAsync(connectionString, data, cancellationToken).ConfigureAwait(false);
            _options.Logger.Ready(port, processId, data.Path, _time.GetElapsedTime(started));
            server = new PostgresServer(
                watchdog, processId, port, data, _options.Temporary, socketDirectory, connectionString, _options.ShutdownTimeout, _options.Logger);
            return (server, null);
        }
        finally
        {
            if (server is null)
            {
                await watchdog.StopAsync(postmaster, _options.ShutdownTimeout, _options.Logger).ConfigureAwait(false);
                watchdog.Dispose();
                SocketDirectory.Delete(socketDirectory);
            }
        }
    }

    /// <summary>
    /// Waits until the lock file says "ready" for a postmaster that is the watchdog's child (a lock file
    /// left by a crashed server names another process). Null when the watchdog exited first.
    /// </summary>
    private async Task<int?> WaitUntilReadyAsync(
        Watchdog watchdog, DataDirectory data, long logStart, long started, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (watchdog.HasExited)
            {
                return null;
            }

            if (PostmasterPidFile.Read(data.Path) is { Status: "ready", ProcessId: var processId }
                && ProcFs.ParentOf(processId) == watchdog.ProcessId)
            {
                return processId;
            }

            if (_time.GetElapsedTime(started) >= _options.StartupTimeout)
            {
                throw new PostgresLauncherException(
                    $"The PostgreSQL server for data directory '{data.Path}' did not accept connections within " +
                    $"{Describe(_options.StartupTimeout)} (PostgresLauncherOptions.StartupTimeout); it has been stopped. Raise the timeout " +
                    $"on a slow machine, or look in the server log '{data.Log.Path}', which ends with:\n{data.Log.TailSince(logStart)}");
            }

            await Task.Delay(ReadinessPoll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CheckLoginAsync(string connectionString, DataDirectory data, CancellationToken cancellationToken)
    {
        var once = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(once);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            throw new PostgresLauncherException(
                $"The PostgreSQL server for '{data.Path}' rejected the superuser password kept in '{data.PasswordFile}' " +
                $"({e.MessageText}). That file must hold the password initdb was given: restore it, set the password to the " +
                "file's content, or delete the data directory to start afresh (its databases are lost).", e);
        }
        catch (NpgsqlException e)
        {
            throw new PostgresLauncherException(
                $"The PostgreSQL server for '{data.Path}' reports ready but refused a connection: {e.Message}", e);
        }
    }

    private IEnumerable<string> ServerArguments(DataDirectory data, int port, string socketDirectory)
    {
        string[] fixedArguments =
        [
            "-D", data.Path,
            "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=" + socketDirectory,
        ];
        return fixedArguments.Concat(_options.Settings.SelectMany(setting => new[] { "-c", $"{setting.Key}={setting.Value}" }));
    }

    private static void Validate(PostgresLauncherOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new PostgresLauncherException("PostgresLauncherOptions.DataDirectory is empty. Name the directory that holds (or will hold) the server's data.");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new PostgresLauncherException($"PostgresLauncherOptions.Port is {options.Port}. Use a TCP port from 1 to 65535, or 0 to pick a free one.");
        }

        if (string.IsNullOrWhiteSpace(options.SuperuserName))
        {
            throw new PostgresLauncherException("PostgresLauncherOptions.SuperuserName is empty. Name the database superuser, e.g. 'postgres'.");
        }

        if (options.StartupTimeout <= TimeSpan.Zero || options.ShutdownTimeout <= TimeSpan.Zero)
        {
            throw new PostgresLauncherException(
                $"PostgresLauncherOptions.StartupTimeout ({options.StartupTimeout}) and ShutdownTimeout ({options.ShutdownTimeout}) must be positive.");
        }

        foreach (var name in options.Settings.Keys)
        {
            if (!SettingName().IsMatch(name))
            {
                throw new PostgresLauncherException(
                    $"PostgresLauncherOptions.Settings has the setting name '{name}', which is not a PostgreSQL setting name (letters, digits, '_' and '.').");
            }

            if (LauncherSettings.Contains(name))
            {
                throw new PostgresLauncherException(
                    $"PostgresLauncherOptions.Settings sets '{name}', which the launcher sets itself (the server listens on 127.0.0.1 " +
                    "and a private socket directory). Use PostgresLauncherOptions.Port to choose the port.");
            }
        }
    }

    private static string Describe(TimeSpan timeout) =>
        timeout >= TimeSpan.FromSeconds(1)
            ? $"{timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s"
            : $"{timeout.TotalMilliseconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} ms";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.]*$")]
    private static partial Regex SettingName();
}
