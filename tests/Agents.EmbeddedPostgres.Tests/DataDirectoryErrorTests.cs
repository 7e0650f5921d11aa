namespace Agents.EmbeddedPostgres.Tests;

public sealed class DataDirectoryErrorTests : IDisposable
{
    private const uint Nobody = 65534;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static bool IsRoot => LibC.EffectiveUserId() == 0;

    [Fact]
    public async Task A_directory_owned_by_another_user_is_refused_naming_the_owner_and_the_fix()
    {
        // As root, a directory given to 'nobody'; otherwise a directory root owns.
        var directory = IsRoot ? _temp.Combine("foreign") : "/";
        if (IsRoot)
        {
            Directory.CreateDirectory(directory);
            LibC.ChangeOwner(directory, Nobody, Nobody);
        }

        var error = await Assert.ThrowsAsync<PostgresLauncherException>(() => Start(new() { DataDirectory = directory }));

        Assert.Contains($"'{directory}' belongs to '{LibC.UserName(IsRoot ? Nobody : 0)}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("chown -R", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_empty_directory_that_is_not_a_data_directory_is_refused_naming_what_it_holds()
    {
        var directory = _temp.Combine("not-data");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "notes.txt"), "mine");

        var error = await Assert.ThrowsAsync<PostgresLauncherException>(() => Start(new() { DataDirectory = directory }));

        Assert.Contains("is not a PostgreSQL data directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("'notes.txt'", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "notes.txt")));
    }

    [Fact]
    public async Task A_file_named_as_the_data_directory_is_refused()
    {
        var file = _temp.Combine("file");
        File.WriteAllText(file, "");

        var error = await Assert.ThrowsAsync<PostgresLauncherException>(() => Start(new() { DataDirectory = file }));

        Assert.Contains($"'{file}' (PostgresLauncherOptions.DataDirectory) is a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_binaries_stop_the_start_before_anything_is_created()
    {
        var empty = _temp.Combine("no-binaries");
        Directory.CreateDirectory(empty);
        var directory = _temp.Combine("data");

        var error = await Assert.ThrowsAsync<PostgresLauncherException>(
            () => Start(new() { DataDirectory = directory, BinariesDirectory = empty }));

        Assert.Contains($"'{empty}'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task A_parent_the_server_user_cannot_pass_through_is_named_when_root()
    {
        var closed = _temp.Combine("closed");
        Directory.CreateDirectory(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var data = new DataDirectory(Path.Combine(closed, "data"));
        var user = ServerUser.Resolve("postgres", Environment.GetEnvironmentVariable);

        if (IsRoot)
        {
            var error = await Assert.ThrowsAsync<PostgresLauncherException>(() => data.PrepareAsync(user, temporary: false, CancellationToken.None));
            Assert.Contains($"may not pass through '{closed}'", error.Message, StringComparison.Ordinal);
        }
        else
        {
            // The server runs as ourselves, who own the closed directory.
            await data.PrepareAsync(user, temporary: false, CancellationToken.None);
            Assert.True(Directory.Exists(data.Path));
        }
    }

    [Fact]
    public async Task A_new_data_directory_is_created_for_the_server_user_with_mode_0700()
    {
        var data = new DataDirectory(_temp.Combine("parent", "data"));

        await data.PrepareAsync(ServerUser.Resolve("postgres", Environment.GetEnvironmentVariable), temporary: false, CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data.Path));
        Assert.Equal(ServerProcesses.ExpectedServerUser(), LibC.Owner(data.Path).Uid);
    }

    [Fact]
    public void A_missing_server_user_is_an_error_when_root()
    {
        if (IsRoot)
        {
            var error = Assert.Throws<PostgresLauncherException>(() => ServerUser.Resolve("agents-no-such-user", Environment.GetEnvironmentVariable));
            Assert.Contains("'agents-no-such-user' (PostgresLauncherOptions.ServerUserName), which does not exist", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(LibC.EffectiveUserId(), ServerUser.Resolve("agents-no-such-user", Environment.GetEnvironmentVariable).Uid);
        }
    }

    [Theory]
    [InlineData("port")]
    [InlineData("listen_addresses")]
    [InlineData("unix_socket_directories")]
    public async Task Settings_the_launcher_owns_are_refused(string setting)
    {
        var options = new PostgresLauncherOptions
        {
            DataDirectory = _temp.Combine("data"),
            Settings = new Dictionary<string, string> { [setting] = "1" },
        };

        var error = await Assert.ThrowsAsync<PostgresLauncherException>(() => Start(options));

        Assert.Contains($"PostgresLauncherOptions.Settings sets '{setting}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_out_of_range_is_refused()
    {
        var error = await Assert.ThrowsAsync<PostgresLauncherException>(() => Start(new() { DataDirectory = _temp.Combine("data"), Port = 70000 }));

        Assert.Contains("PostgresLauncherOptions.Port is 70000", error.Message, StringComparison.Ordinal);
    }

    private static Task<PostgresServer> Start(PostgresLauncherOptions options) => new PostgresLauncher(options).StartAsync();
}
