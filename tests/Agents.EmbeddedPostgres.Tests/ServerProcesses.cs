using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Agents.EmbeddedPostgres.Tests;

/// <summary>What the operating system shows of servers: processes, their user, their port.</summary>
internal static class ServerProcesses
{
    /// <summary>The running postgres processes whose command line names <paramref name="dataDirectory"/>.</summary>
    public static List<int> On(string dataDirectory) =>
        Directory.EnumerateDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0 && ProcFs.CommandName(id) == "postgres" && ProcFs.IsRunning(id) && CommandLine(id).Contains(dataDirectory))
            .ToList();

    /// <summary>The real uid a process runs as.</summary>
    public static uint UserOf(int processId) =>
        uint.Parse(
            File.ReadLines($"/proc/{processId}/status").First(line => line.StartsWith("Uid:", StringComparison.Ordinal))
                .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture);

    /// <summary>The uid the launcher runs the server as in this process: postgres when root, else ourselves.</summary>
    public static uint ExpectedServerUser() =>
        LibC.EffectiveUserId() == 0 ? LibC.FindUser("postgres")!.Value.Uid : LibC.EffectiveUserId();

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string CommandLine(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
