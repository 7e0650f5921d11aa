using Npgsql;

namespace Agents.EmbeddedPostgres.Tests;

public sealed class PostgresLauncherTests(RunningServerFixture fixture) : IClassFixture<RunningServerFixture>
{
    private PostgresServer Server => fixture.Server;

    [Fact]
    public async Task Server_accepts_the_superuser_on_127_0_0_1_at_its_port()
    {
        var builder = new NpgsqlConnectionStringBuilder(Server.ConnectionString);

        Assert.Equal("127.0.0.1", builder.Host);
        Assert.Equal(Server.Port, builder.Port);
        Assert.NotEqual(0, Server.Port);
        Assert.Equal("postgres", await ScalarAsync<string>(Server.ConnectionString, "SELECT current_user"));
    }

    [Fact]
    public async Task Server_listens_on_the_loopback_address_only()
    {
        Assert.Equal("127.0.0.1", await ShowAsync("listen_addresses"));
    }

    [Fact]
    public async Task Unix_socket_directory_is_private_to_the_server_user_and_short()
    {
        var directory = await ShowAsync("unix_socket_directories");

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(directory));
        Assert.Equal(ServerProcesses.ExpectedServerUser(), LibC.Owner(directory).Uid);
        Assert.True(directory.Length + $"/.s.PGSQL.{Server.Port}.lock".Length <= 107, directory);
    }

    [Fact]
    public async Task Databases_are_UTF8_with_the_C_locale()
    {
        Assert.Equal("UTF8", await ShowAsync("server_encoding"));
        Assert.Equal("C", await ScalarAsync<string>(Server.ConnectionString, "SELECT datcollate FROM pg_database WHERE datname = 'template1'"));
    }

    [Fact]
    public async Task Every_connection_needs_the_SCRAM_password()
    {
        var methods = await ScalarAsync<string[]>(Server.ConnectionString, "SELECT array_agg(DISTINCT auth_method) FROM pg_hba_file_rules");
        var stored = await ScalarAsync<string>(Server.ConnectionString, "SELECT rolpassword FROM pg_authid WHERE rolname = current_user");

        Assert.Equal(["scram-sha-256"], methods);
        Assert.StartsWith("SCRAM-SHA-256$", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var wrong = new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Password = "wrong", Pooling = false }.ConnectionString;

        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<int>(wrong, "SELECT 1"));

        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public void Password_file_beside_the_data_is_readable_by_the_server_user_only()
    {
        var passwordFile = Server.DataDirectory + ".password";

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
        Assert.Equal(ServerProcesses.ExpectedServerUser(), LibC.Owner(passwordFile).Uid);
        Assert.Equal(new NpgsqlConnectionStringBuilder(Server.ConnectionString).Password, File.ReadAllText(passwordFile).Trim());
    }

    [Fact]
    public async Task Fsync_stays_on()
    {
        Assert.Equal("on", await ShowAsync("fsync"));
    }

    [Fact]
    public async Task Extra_settings_reach_the_server()
    {
        Assert.Equal("7MB", await ShowAsync("work_mem"));
    }

    [Fact]
    public void Server_runs_as_postgres_when_we_are_root_and_as_ourselves_otherwise()
    {
        Assert.Equal(ServerProcesses.ExpectedServerUser(), ServerProcesses.UserOf(Server.ProcessId));
    }

    [Fact]
    public async Task ProcessId_is_the_postmaster()
    {
        var checkpointer = await ScalarAsync<int>(Server.ConnectionString, "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'");

        Assert.Equal(Server.ProcessId, ProcFs.ParentOf(checkpointer));
    }

    [Fact]
    public void Data_directory_is_the_absolute_configured_path()
    {
        Assert.Equal(Path.GetFullPath(fixture.Options.DataDirectory), Server.DataDirectory);
        Assert.True(File.Exists(Path.Combine(Server.DataDirectory, "PG_VERSION")));
    }

    [Fact]
    public async Task A_created_database_accepts_connections()
    {
        var name = "created_" + Guid.NewGuid().ToString("N")[..8];

        var connectionString = await Server.CreateDatabaseAsync(name);

        Assert.Equal(name, await ScalarAsync<string>(connectionString, "SELECT current_database()"));
        await Server.DropDatabaseAsync(name);
    }

    [Fact]
    public async Task A_dropped_database_is_gone_even_with_sessions_open()
    {
        var name = "dropped_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = await Server.CreateDatabaseAsync(name);
        await using var open = new NpgsqlConnection(connectionString);
        await open.OpenAsync();

        await Server.DropDatabaseAsync(name);

        Assert.Equal(0L, await ScalarAsync<long>(Server.ConnectionString, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'"));
    }

    [Fact]
    public async Task A_database_name_longer_than_PostgreSQL_keeps_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Server.CreateDatabaseAsync(new string('d', 64)));

        Assert.Contains("63 bytes", error.Message, StringComparison.Ordinal);
    }

    private Task<string> ShowAsync(string setting) => ScalarAsync<string>(Server.ConnectionString, $"SHOW {setting}");

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
