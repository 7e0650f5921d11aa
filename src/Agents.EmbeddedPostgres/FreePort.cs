using System.Net;
using System.Net.Sockets;

namespace Agents.EmbeddedPostgres;

/// <summary>Picks a TCP port on 127.0.0.1 that nothing listens on right now.</summary>
/// <remarks>
/// The port is free when picked, not reserved: another process may bind it before the server does.
/// The launcher retries with a new port when the server reports that race.
/// </remarks>
internal static class FreePort
{
    public static int Pick()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
