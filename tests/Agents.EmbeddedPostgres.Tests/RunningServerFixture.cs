namespace Agents.EmbeddedPostgres.Tests;

/// <summary>One server on a fresh data directory for a whole test class, with one extra setting.</summary>
public sealed class RunningServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public PostgresServer Server { get; private set; } = null!;

    public PostgresLauncherOptions Options { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Options = new PostgresLauncherOptions
        {
            DataDirectory = _temp.Combine("data"),
            Settings = new Dictionary<string, string> { ["work_mem"] = "7MB" },
        };
        Server = await new PostgresLauncher(Options).StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _temp.Dispose();
    }
}
