using Agents.TestKit;
using Npgsql;

namespace Agents.EmbeddedPostgres.Tests;

public sealed class PostgresTestServerTests
{
    [Fact]
    public async Task AGENTS_TEST_PG_names_the_server_to_use_and_none_is_started()
    {
        var existing = await PostgresTestServer.Shared.GetConnectionStringAsync();
        await using var viaEnvironment = new PostgresTestServer(name => name == PostgresTestServer.ConnectionStringVariable ? existing : null);
        var name = "agents_test_external_" + Guid.NewGuid().ToString("N")[..8];

        var created = await viaEnvironment.CreateDatabaseAsync(name);
        try
        {
            Assert.Equal(existing, await viaEnvironment.GetConnectionStringAsync());
            Assert.Equal(new NpgsqlConnectionStringBuilder(existing).Port, new NpgsqlConnectionStringBuilder(created).Port);
            Assert.Equal(1L, await CountDatabasesAsync(existing, name));
        }
        finally
        {
            await viaEnvironment.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task An_invalid_AGENTS_TEST_PG_is_reported_naming_the_variable()
    {
        await using var server = new PostgresTestServer(name => name == PostgresTestServer.ConnectionStringVariable ? "Hots=nowhere" : null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.GetConnectionStringAsync());

        Assert.Contains("AGENTS_TEST_PG is not a valid Npgsql connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_AGENTS_TEST_PG_an_embedded_server_is_started_and_disposing_removes_it_and_its_data()
    {
        var server = new PostgresTestServer(_ => null);
        var connectionString = await server.GetConnectionStringAsync();
        string dataDirectory;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var show = dataSource.CreateCommand("SHOW data_directory"))
        {
            dataDirectory = (string)(await show.ExecuteScalarAsync())!;
        }

        await server.DisposeAsync();

        Assert.False(Directory.Exists(dataDirectory));
        Assert.False(File.Exists(dataDirectory + ".password"));
        Assert.Empty(ServerProcesses.On(dataDirectory));
    }

    private static async Task<long> CountDatabasesAsync(string connectionString, string name)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM pg_database WHERE datname = $1");
        count.Parameters.Add(new NpgsqlParameter { Value = name });
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
