namespace Agents.EmbeddedPostgres.Tests;

/// <summary>
/// A data directory initialised once for a test class (a server started and stopped on it), so the
/// class's tests pay for initdb once. Tests in a class run one after another; each leaves it stopped.
/// </summary>
public sealed class InitialisedDataDirectory : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string Path => _temp.Combine("data");

    public PostgresLauncherOptions Options() => new() { DataDirectory = Path };

    public async Task InitializeAsync()
    {
        await using var server = await new PostgresLauncher(Options()).StartAsync();
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
