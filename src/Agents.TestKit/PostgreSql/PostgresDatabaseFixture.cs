using System.Security.Cryptography;
using Npgsql;
using Xunit;

namespace Agents.TestKit;

/// <summary>
/// An xunit class fixture (<c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>) that gives a test class a
/// database of its own on <see cref="PostgresTestServer.Shared"/>: created with a unique name before the
/// class's first test, dropped after its last. Classes with their own databases can run in parallel.
/// Derive from it to add schema or seed data in <see cref="InitializeAsync"/>.
/// </summary>
public class PostgresDatabaseFixture : IAsyncLifetime
{
    private readonly PostgresTestServer _server;
    private string? _connectionString;
    private NpgsqlDataSource? _dataSource;

    /// <summary>Creates the fixture on the shared test server; xunit calls this.</summary>
    public PostgresDatabaseFixture()
        : this(PostgresTestServer.Shared)
    {
    }

    /// <summary>Creates the fixture on another server, e.g. one a test builds with its own environment.</summary>
    protected PostgresDatabaseFixture(PostgresTestServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        DatabaseName = "agents_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    }

    /// <summary>The name of this fixture's database, unique per fixture (<c>agents_test_</c> and 16 hex digits).</summary>
    public string DatabaseName { get; }

    /// <summary>The connection string of this fixture's database, as the server's superuser.</summary>
    public string ConnectionString => _connectionString ?? throw NotInitialised();

    /// <summary>A data source (connection pool) for this fixture's database.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw NotInitialised();

    /// <summary>Creates the database; xunit calls this before the class's first test.</summary>
    public virtual async Task InitializeAsync()
    {
        _connectionString = await _server.CreateDatabaseAsync(DatabaseName).ConfigureAwait(false);
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    /// <summary>Closes the data source's connections and drops the database; xunit calls this after the class's last test.</summary>
    public virtual async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        if (_connectionString is not null)
        {
            await _server.DropDatabaseAsync(DatabaseName).ConfigureAwait(false);
        }
    }

    private InvalidOperationException NotInitialised() =>
        new($"The database fixture {GetType().Name} is not initialised: xunit calls InitializeAsync before a class's tests; call it yourself when creating the fixture by hand.");
}
