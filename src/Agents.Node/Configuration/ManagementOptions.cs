namespace Agents.Node.Configuration;

/// <summary>Where the management API listens and the token that guards its changing requests (<c>agents.node.management</c>).</summary>
public sealed class ManagementOptions
{
    /// <summary>The address to listen on; a non-loopback address requires <see cref="Token"/>.</summary>
    /// <value>Default <c>127.0.0.1</c> (<c>agents.node.management.host</c>, <c>AGENTS_MANAGEMENT_HOST</c>).</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one.</summary>
    /// <value>Default 9110 (<c>agents.node.management.port</c>, <c>AGENTS_MANAGEMENT_PORT</c>).</value>
    public int Port { get; set; } = 9110;

    /// <summary>
    /// The bearer token that POST, PUT and DELETE requests must present. When empty, the API listens on
    /// loopback only and accepts those requests without one.
    /// </summary>
    /// <value>Default empty (<c>agents.node.management.token</c>, <c>AGENTS_TOKEN</c>).</value>
    public string? Token { get; set; }

    /// <summary>Whether <see cref="Host"/> names this machine only (<c>localhost</c>, <c>127.x.x.x</c>, <c>::1</c>).</summary>
    public bool IsLoopback =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (System.Net.IPAddress.TryParse(Host, out var address) && System.Net.IPAddress.IsLoopback(address));
}
