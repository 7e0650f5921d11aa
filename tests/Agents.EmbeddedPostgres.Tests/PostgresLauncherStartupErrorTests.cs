using System.Net;
using System.Net.Sockets;

namespace Agents.EmbeddedPostgres.Tests;

public sealed class PostgresLauncherStartupErrorTests(InitialisedDataDirectory data) : IClassFixture<InitialisedDataDirectory>
{
    [Fact]
    public async Task A_configured_port_in_use_is_reported_with_the_port_and_the_fix()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<PostgresLauncherException>(
            () => new PostgresLauncher(data.Options() with { Port = port }).StartAsync());

        Assert.Contains($"Port {port} on 127.0.0.1 is already in use", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not bind", error.Message, StringComparison.Ordinal);
        Assert.Empty(ServerProcesses.On(data.Path));
    }

    [Fact]
    public async Task A_picked_port_taken_before_the_server_binds_it_is_replaced_by_another()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var taken = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var picks = new Queue<int>([taken, FreePort.Pick()]);
        var launcher = new PostgresLauncher(data.Options(), TimeProvider.System, picks.Dequeue, Environment.GetEnvironmentVariable);

        await using var server = await launcher.StartAsync();

        Assert.Empty(picks);
        Assert.NotEqual(taken, server.Port);
        Assert.True(await ServerProcesses.AcceptsConnectionsAsync(server.Port));
    }

    [Fact]
    public async Task A_server_not_ready_in_time_is_stopped_and_reported_with_the_setting_and_the_log()
    {
        var options = data.Options() with { StartupTimeout = TimeSpan.FromMilliseconds(1) };

        var error = await Assert.ThrowsAsync<PostgresLauncherException>(() => new PostgresLauncher(options).StartAsync());

        Assert.Contains("did not accept connections within", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgresLauncherOptions.StartupTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(data.Path, "server.log"), error.Message, StringComparison.Ordinal);
        Assert.Empty(ServerProcesses.On(data.Path));
    }

    [Fact]
    public async Task A_server_that_exits_while_starting_is_reported_with_its_log()
    {
        var options = data.Options() with { Settings = new Dictionary<string, string> { ["no_such_setting"] = "1" } };

        var error = await Assert.ThrowsAsync<PostgresLauncherException>(() => new PostgresLauncher(options).StartAsync());

        Assert.Contains("exited with status 1 while starting", error.Message, StringComparison.Ordinal);
        Assert.Contains("unrecognized configuration parameter \"no_such_setting\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_password_file_is_reported_with_its_path_and_the_fix()
    {
        var passwordFile = data.Path + ".password";
        var kept = passwordFile + ".kept";
        File.Move(passwordFile, kept);
        try
        {
            var error = await Assert.ThrowsAsync<PostgresLauncherException>(() => new PostgresLauncher(data.Options()).StartAsync());

            Assert.Contains($"password file '{passwordFile}'", error.Message, StringComparison.Ordinal);
            Assert.Contains("Restore that file", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Move(kept, passwordFile);
        }
    }

    [Fact]
    public async Task Cancelling_the_start_leaves_no_server_running()
    {
        using var cancellation = new CancellationTokenSource();
        var options = data.Options() with { Logger = new CancelOnStart(cancellation) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PostgresLauncher(options).StartAsync(cancellation.Token));

        Assert.Empty(ServerProcesses.On(data.Path));
    }

    /// <summary>Cancels the start the moment the launcher reports that it starts the server.</summary>
    private sealed class CancelOnStart(CancellationTokenSource cancellation) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(
            Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == "Starting")
            {
                cancellation.Cancel();
            }
        }
    }
}
