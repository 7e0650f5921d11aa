namespace Agents.Node.Management;

/// <summary>The body of <c>GET /api/cluster</c>. Until the cluster layer exists, this node is the only member and the leader.</summary>
/// <param name="Self">This node's address.</param>
/// <param name="Leader">The leader's address.</param>
/// <param name="Members">The members.</param>
public sealed record ClusterState(string Self, string Leader, IReadOnlyList<ClusterMember> Members);
