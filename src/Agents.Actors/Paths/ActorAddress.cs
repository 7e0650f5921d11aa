namespace Agents.Actors;

/// <summary>
/// Where an actor system lives: <c>agents://name</c> for a local system, <c>agents://name@host:port</c>
/// once a system is reachable over the network. The host and port are only present on addresses of
/// remote refs; code never needs to look at them to send a message.
/// </summary>
/// <param name="Protocol">The scheme, <c>agents</c> for every address the runtime creates.</param>
/// <param name="System">The actor system name.</param>
/// <param name="Host">The host for a remote address; <see langword="null"/> for a local one.</param>
/// <param name="Port">The port for a remote address; <see langword="null"/> for a local one.</param>
public sealed record ActorAddress(string Protocol, string System, string? Host = null, int? Port = null)
{
    /// <summary>The scheme used by every address the runtime creates.</summary>
    public const string DefaultProtocol = "agents";

    private string? _text;

    /// <summary>Whether this address names a system without a network location (a local system).</summary>
    public bool HasLocalScope => Host is null;

    /// <summary>Creates the address of a local system.</summary>
    public static ActorAddress Local(string system) => new(DefaultProtocol, system);

    /// <summary>Renders the address as <c>agents://system</c> or <c>agents://system@host:port</c>.</summary>
    public override string ToString() => _text ??= Host is null
        ? $"{Protocol}://{System}"
        : Port is { } port ? $"{Protocol}://{System}@{Host}:{port}" : $"{Protocol}://{System}@{Host}";

    /// <summary>Equality by protocol, system, host and port.</summary>
    public bool Equals(ActorAddress? other) =>
        other is not null && Protocol == other.Protocol && System == other.System && Host == other.Host && Port == other.Port;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Protocol, System, Host, Port);
}
