namespace Agents.Cli.Management;

/// <summary>One membership change of <c>GET /api/cluster/stream</c> (the JSON of one server-sent event's data).</summary>
/// <param name="Type"><c>member-up</c>, <c>member-left</c>, ... as the node names the change.</param>
/// <param name="At">When the node saw it, as the node formats it.</param>
/// <param name="Member">The member in its new status.</param>
/// <param name="Json">The data as the node sent it, for <c>--json</c>, on one line.</param>
internal sealed record ClusterMemberEvent(string Type, string? At, ClusterMember Member, string Json)
{
    /// <summary>The change the node sends when a member (on one node: the node itself, stopping) leaves.</summary>
    internal const string MemberLeft = "member-left";
}
