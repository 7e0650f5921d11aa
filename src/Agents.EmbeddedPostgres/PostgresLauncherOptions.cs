using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agents.EmbeddedPostgres;

/// <summary>What <see cref="PostgresLauncher"/> starts: where the data lives, the port, the binaries.</summary>
public sealed record PostgresLauncherOptions
{
    /// <summary>
    /// The PostgreSQL data directory. Created and initialised (<c>initdb</c>) when it does not exist or
    /// is empty; an initialised one is started as it is, keeping its data. The superuser's generated
    /// password is kept beside it in <c>&lt;DataDirectory&gt;.password</c>, so the parent directory
    /// must be writable on first start.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// The TCP port on 127.0.0.1 to listen on. The default, 0, picks a free port on every start
    /// (and retries with another one when a different process takes it first).
    /// </summary>
    public int Port { get; init; }

    /// <summary>
    /// The directory holding <c>initdb</c> and <c>postgres</c>. When null (the default) the binaries are
    /// searched in <c>AGENTS_PG_BIN</c>, on <c>PATH</c> and in <c>/usr/lib/postgresql/*/bin</c>, newest
    /// version first; when set, that directory must hold them.
    /// </summary>
    public string? BinariesDirectory { get; init; }

    /// <summary>The database superuser <c>initdb</c> creates (default <c>postgres</c>).</summary>
    public string SuperuserName { get; init; } = "postgres";

    /// <summary>
    /// The operating-system user that runs <c>initdb</c> and the server when this process runs as root,
    /// because PostgreSQL refuses to run as root (default <c>postgres</c>). Ignored otherwise: the server
    /// then runs as the current user.
    /// </summary>
    public string ServerUserName { get; init; } = "postgres";

    /// <summary>How long the server may take to accept connections once started (default 60 seconds).</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a fast shutdown may take before the server is stopped with an immediate shutdown
    /// (SIGQUIT) and then killed (default 30 seconds).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Extra server settings passed as <c>-c name=value</c>, e.g. <c>max_connections</c> or
    /// <c>shared_buffers</c>. <c>port</c>, <c>listen_addresses</c> and <c>unix_socket_directories</c>
    /// are the launcher's and may not be set here.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A throwaway server, as tests use (default false): the data directory and its password file are
    /// deleted when the server stops, however it stops, even when this process is killed (the watchdog
    /// then deletes them as the server user, so their parent should be writable by that user, as /tmp
    /// is). The data directory must be new or empty, so that existing data is never deleted.
    /// </summary>
    public bool Temporary { get; init; }

    /// <summary>Receives what the launcher does: initialisation, start, stop, retries.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
