namespace Agents.Cli.Management;

/// <summary>The body of <c>GET /api/cluster</c>.</summary>
/// <param name="Self">The address of the node that answered.</param>
/// <param name="Leader">The leader's address.</param>
/// <param name="Members">The members.</param>
internal sealed record ClusterView(string Self, string? Leader, IReadOnlyList<ClusterMember> Members);
