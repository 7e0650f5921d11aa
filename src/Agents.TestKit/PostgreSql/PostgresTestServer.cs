using System.Security.Cryptography;
using Agents.EmbeddedPostgres;
using Npgsql;

namespace Agents.TestKit;

/// <summary>
/// The PostgreSQL server that tests run against. By default an embedded, temporary server (see
/// <see cref="PostgresLauncher"/> and <see cref="PostgresLauncherOptions.Temporary"/>) on a new data
/// directory under the temporary directory and a free port, started when first needed; its data is
/// deleted when it stops, even when the test process is killed. When the environment variable
/// <c>AGENTS_TEST_PG</c> holds a connection string, that existing server instead, and nothing is
/// started. Tests do not use it directly but through
/// <see cref="PostgresDatabaseFixture"/>, which gives each test class a database of its own.
/// </summary>
public sealed class PostgresTestServer : IAsyncDisposable
{
    /// <summary>The environment variable naming an existing server to test against (an Npgsql connection string).</summary>
    public const string ConnectionStringVariable = "AGENTS_TEST_PG";

    /// <summary>
    /// The one server of this test process: the single piece of static mutable state in the project,
    /// and on purpose. A server per test class would cost a start (initdb and startup, about a second or
    /// more) each; one shared server with a database per class keeps classes isolated and lets them run
    /// in parallel. It is stopped, and its data deleted, when the process exits.
    /// </summary>
    private static readonly Lazy<PostgresTestServer> SharedServer = new(CreateShared);

    private readonly Func<string, string?> _environment;
    private readonly Lock _starting = new();
    private Task<Running>? _running;

    /// <summary>Creates a server that starts when first used.</summary>
    /// <param name="environment">Reads <c>AGENTS_TEST_PG</c>; the process environment when null. Tests of
    /// this class pass their own instead of changing the real environment.</param>
    public PostgresTestServer(Func<string, string?>? environment = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The server shared by every test of this process.</summary>
    public static PostgresTestServer Shared => SharedServer.Value;

    /// <summary>
    /// The superuser's connection string (for the embedded server) or the one from <c>AGENTS_TEST_PG</c>;
    /// starts the embedded server on first use.
    /// </summary>
    public async Task<string> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        (await RunningAsync(cancellationToken).ConfigureAwait(false)).ConnectionString;

    /// <summary>Creates a database and returns its connection string.</summary>
    /// <param name="name">The database name, taken literally; at most 63 bytes.</param>
    /// <param name="cancellationToken">Cancels the wait for the server and the command.</param>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var running = await RunningAsync(cancellationToken).ConfigureAwait(false);
        await PostgresDatabase.CreateAsync(running.Admin, name, cancellationToken).ConfigureAwait(false);
        return new NpgsqlConnectionStringBuilder(running.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database if it exists, ending the sessions still connected to it.</summary>
    /// <param name="name">The database name, taken literally.</param>
    /// <param name="cancellationToken">Cancels the wait for the server and the command.</param>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var running = await RunningAsync(cancellationToken).ConfigureAwait(false);
        await PostgresDatabase.DropAsync(running.Admin, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the embedded server, if this instance started one, which deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        Task<Running>? running;
        lock (_starting)
        {
            running = _running;
        }

        if (running is null || !running.IsCompletedSuccessfully)
        {
            return;
        }

        var (_, admin, server) = running.Result;
        await admin.DisposeAsync().ConfigureAwait(false);
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static PostgresTestServer CreateShared()
    {
        var shared = new PostgresTestServer();

        // The test runner gives the test process about 100 ms to exit before it kills it (vstest's
        // VSTEST_TESTHOST_SHUTDOWN_TIMEOUT); if it is killed here, the server's watchdog finishes the
        // stop and deletes the data.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => shared.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return shared;
    }

    private Task<Running> RunningAsync(CancellationToken cancellationToken)
    {
        lock (_starting)
        {
            // Not the caller's token: the start serves every later caller too.
            _running ??= StartAsync();
        }

        return _running.WaitAsync(cancellationToken);
    }

    private async Task<Running> StartAsync()
    {
        var external = _environment(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            NpgsqlDataSource admin;
            try
            {
                admin = NpgsqlDataSource.Create(external);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException(
                    $"{ConnectionStringVariable} is not a valid Npgsql connection string ({e.Message}). Set it to e.g. " +
                    $"'Host=localhost;Port=5432;Username=postgres;Password=...', or unset it to test against an embedded server.", e);
            }

            return new Running(external, admin, null);
        }

        // Directly under the temporary directory: when the test process runs as root, the server user
        // owns the data and must be able to delete it there (/tmp lets every user delete their own entries).
        var options = new PostgresLauncherOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "agents-pg-test-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))),
            Temporary = true,
        };
        var server = await new PostgresLauncher(options).StartAsync(CancellationToken.None).ConfigureAwait(false);
        return new Running(server.ConnectionString, NpgsqlDataSource.Create(server.ConnectionString), server);
    }

    private sealed record Running(string ConnectionString, NpgsqlDataSource Admin, PostgresServer? Server);
}
