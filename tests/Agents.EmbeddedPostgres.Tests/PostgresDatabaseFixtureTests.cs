using Agents.TestKit;
using Npgsql;

namespace Agents.EmbeddedPostgres.Tests;

public sealed class PostgresDatabaseFixtureTests
{
    [Fact]
    public async Task Two_fixtures_get_two_different_databases()
    {
        var first = new PostgresDatabaseFixture();
        var second = new PostgresDatabaseFixture();
        await first.InitializeAsync();
        await second.InitializeAsync();
        try
        {
            Assert.NotEqual(first.DatabaseName, second.DatabaseName);
            Assert.Equal(first.DatabaseName, await CurrentDatabaseAsync(first.DataSource));
            Assert.Equal(second.DatabaseName, await CurrentDatabaseAsync(second.DataSource));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Connection_string_and_data_source_name_the_same_database()
    {
        var fixture = new PostgresDatabaseFixture();
        await fixture.InitializeAsync();
        try
        {
            Assert.Equal(fixture.DatabaseName, new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Database);
            Assert.Equal(fixture.DatabaseName, new NpgsqlConnectionStringBuilder(fixture.DataSource.ConnectionString).Database);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task Disposing_a_fixture_drops_its_database_even_with_connections_open()
    {
        var fixture = new PostgresDatabaseFixture();
        await fixture.InitializeAsync();
        var open = await fixture.DataSource.OpenConnectionAsync();

        await fixture.DisposeAsync();

        await using var server = NpgsqlDataSource.Create(await PostgresTestServer.Shared.GetConnectionStringAsync());
        await using var count = server.CreateCommand("SELECT count(*) FROM pg_database WHERE datname = $1");
        count.Parameters.Add(new NpgsqlParameter { Value = fixture.DatabaseName });
        Assert.Equal(0L, await count.ExecuteScalarAsync());
        await open.DisposeAsync();
    }

    [Fact]
    public void Using_a_fixture_before_it_is_initialised_says_so()
    {
        var fixture = new PostgresDatabaseFixture();

        var error = Assert.Throws<InvalidOperationException>(() => fixture.ConnectionString);

        Assert.Contains("not initialised", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> CurrentDatabaseAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT current_database()");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
