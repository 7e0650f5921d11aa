namespace Agents.EmbeddedPostgres.Tests;

public sealed class TemporaryServerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_temporary_server_deletes_its_data_directory_and_password_file_when_stopped()
    {
        var dataDirectory = _temp.Combine("data");
        var server = await new PostgresLauncher(new PostgresLauncherOptions { DataDirectory = dataDirectory, Temporary = true }).StartAsync();
        Assert.True(File.Exists(Path.Combine(dataDirectory, "PG_VERSION")));

        await server.StopAsync();

        Assert.False(Directory.Exists(dataDirectory));
        Assert.False(File.Exists(dataDirectory + ".password"));
    }
}
