using System.Security.Cryptography;
using Agents.EmbeddedPostgres;

namespace Agents.Persistence.PostgreSql.Tests.Outage;

/// <summary>A private server of the test class's own, which a test stops and starts again on the same data and port.</summary>
public sealed class RestartableServer : IAsyncLifetime
{
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "agents-actor-outage-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server starts in InitializeAsync.");

    public async Task InitializeAsync() => _server = await new PostgresLauncher(new() { DataDirectory = _dataDirectory }).StartAsync();

    public Task StopAsync() => Server.StopAsync();

    public async Task StartAgainAsync() =>
        _server = await new PostgresLauncher(new() { DataDirectory = _dataDirectory, Port = Server.Port }).StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
        File.Delete(_dataDirectory + ".password");
    }
}
