using Npgsql;

namespace Agents.EmbeddedPostgres.Tests;

public sealed class PostgresServerLifecycleTests(InitialisedDataDirectory data) : IClassFixture<InitialisedDataDirectory>
{
    [Fact]
    public async Task Restarting_on_the_same_data_directory_keeps_the_data()
    {
        var table = "kept_" + Guid.NewGuid().ToString("N")[..8];
        await using (var first = await new PostgresLauncher(data.Options()).StartAsync())
        {
            await ExecuteAsync(first.ConnectionString, $"CREATE TABLE {table} (word text); INSERT INTO {table} VALUES ('kept')");
        }

        await using var second = await new PostgresLauncher(data.Options()).StartAsync();
        await using var dataSource = NpgsqlDataSource.Create(second.ConnectionString);
        await using var select = dataSource.CreateCommand($"SELECT word FROM {table}");

        Assert.Equal("kept", await select.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Stopping_ends_the_postmaster_frees_the_port_and_removes_the_socket_directory()
    {
        var server = await new PostgresLauncher(data.Options()).StartAsync();
        var socketDirectory = await ScalarAsync(server.ConnectionString, "SHOW unix_socket_directories");

        await server.StopAsync();

        Assert.False(ProcFs.IsRunning(server.ProcessId));
        Assert.False(await ServerProcesses.AcceptsConnectionsAsync(server.Port));
        Assert.False(Directory.Exists(socketDirectory));
        Assert.False(File.Exists(Path.Combine(data.Path, "postmaster.pid")));
    }

    [Fact]
    public async Task Stopping_twice_at_once_and_disposing_afterwards_are_harmless()
    {
        var server = await new PostgresLauncher(data.Options()).StartAsync();

        var first = server.StopAsync();
        var second = server.StopAsync();
        await Task.WhenAll(first, second);
        await server.DisposeAsync();

        Assert.Empty(ServerProcesses.On(data.Path));
    }

    [Fact]
    public async Task A_second_server_on_a_running_data_directory_is_refused_with_the_running_PID()
    {
        await using var running = await new PostgresLauncher(data.Options()).StartAsync();

        var error = await Assert.ThrowsAsync<PostgresLauncherException>(() => new PostgresLauncher(data.Options()).StartAsync());

        Assert.Contains($"(PID {running.ProcessId}) is already running on the data directory '{data.Path}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_temporary_server_refuses_a_data_directory_that_holds_a_database()
    {
        var error = await Assert.ThrowsAsync<PostgresLauncherException>(
            () => new PostgresLauncher(data.Options() with { Temporary = true }).StartAsync());

        Assert.Contains($"'{data.Path}' already holds a database", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data.Path, "PG_VERSION")));
    }

    [Fact]
    public async Task The_server_log_records_the_fast_shutdown()
    {
        var server = await new PostgresLauncher(data.Options()).StartAsync();

        await server.StopAsync();

        var lastLines = File.ReadLines(server.LogFile).TakeLast(10).ToList();
        Assert.Contains(lastLines, line => line.Contains("received fast shutdown request", StringComparison.Ordinal));
        Assert.Contains("database system is shut down", lastLines[^1], StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
