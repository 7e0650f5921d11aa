using System.Diagnostics;
using System.Globalization;

namespace Agents.EmbeddedPostgres.Tests;

public sealed class WatchdogTests(InitialisedDataDirectory data) : IClassFixture<InitialisedDataDirectory>, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // For the temporary server: the watchdog, running as the server user when we are root, deletes its entries here.
    private readonly TempDirectory _temp = new(TempDirectory.SharedLikeTmp);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_server_stops_when_its_owning_process_is_killed_with_SIGKILL()
    {
        using var owner = StartServerHost(data.Path);
        try
        {
            var (port, postmaster) = await ReadPortAndPostmasterAsync(owner);
            Assert.True(ProcFs.IsRunning(postmaster));
            Assert.True(await ServerProcesses.AcceptsConnectionsAsync(port));

            owner.Kill();
            await owner.WaitForExitAsync();

            Assert.True(await Poll.UntilAsync(() => !ProcFs.IsRunning(postmaster), Bound), $"postmaster {postmaster} outlived its owner");
            Assert.False(await ServerProcesses.AcceptsConnectionsAsync(port));
            Assert.Empty(ServerProcesses.On(data.Path));
        }
        finally
        {
            if (!owner.HasExited)
            {
                owner.Kill();
            }
        }
    }

    [Fact]
    public async Task A_temporary_server_s_data_is_deleted_when_its_owning_process_is_killed()
    {
        var dataDirectory = _temp.Combine("data");
        using var owner = StartServerHost(dataDirectory, "--temporary");
        try
        {
            var (_, postmaster) = await ReadPortAndPostmasterAsync(owner);
            Assert.True(Directory.Exists(dataDirectory));

            owner.Kill();
            await owner.WaitForExitAsync();

            Assert.True(await Poll.UntilAsync(() => !Directory.Exists(dataDirectory), Bound), $"{dataDirectory} outlived its owner");
            Assert.False(File.Exists(dataDirectory + ".password"));
            Assert.False(ProcFs.IsRunning(postmaster));
        }
        finally
        {
            if (!owner.HasExited)
            {
                owner.Kill();
            }
        }
    }

    [Fact]
    public async Task The_server_stops_when_its_owning_process_exits_normally()
    {
        using var owner = StartServerHost(data.Path);
        try
        {
            var (_, postmaster) = await ReadPortAndPostmasterAsync(owner);

            owner.StandardInput.Close();
            await owner.WaitForExitAsync();

            Assert.Equal(0, owner.ExitCode);
            Assert.False(ProcFs.IsRunning(postmaster));
        }
        finally
        {
            if (!owner.HasExited)
            {
                owner.Kill();
            }
        }
    }

    /// <summary>Runs the ServerHost program ('dotnet Agents.EmbeddedPostgres.Tests.ServerHost.dll DATA') built beside the tests.</summary>
    private static Process StartServerHost(string dataDirectory, params string[] options)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Agents.EmbeddedPostgres.Tests.ServerHost.dll"));
        start.ArgumentList.Add(dataDirectory);
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        return Process.Start(start)!;
    }

    private static async Task<(int Port, int Postmaster)> ReadPortAndPostmasterAsync(Process owner)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var line = await owner.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException($"ServerHost exited with status {owner.ExitCode} before printing its port");
        var fields = line.Split(' ');
        return (int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}
