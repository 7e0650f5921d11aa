namespace Agents.Cli.Management;

/// <summary>A member in <c>GET /api/cluster</c>.</summary>
/// <param name="Address">The member's address (<c>agents://name</c>).</param>
/// <param name="Roles">The roles it announces.</param>
/// <param name="Status">Its membership status, e.g. <c>up</c>.</param>
/// <param name="UpSince">When its actor system started.</param>
/// <param name="UptimeSeconds">How long it has run.</param>
/// <param name="Version">The version of the node software.</param>
internal sealed record ClusterMember(
    string Address, IReadOnlyList<string>? Roles, string Status, DateTimeOffset UpSince, double UptimeSeconds, string? Version);
