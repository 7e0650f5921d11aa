namespace Agents.Node.Management;

/// <summary>
/// One membership change of <c>GET /api/cluster/stream</c>, sent as the <c>data</c> of a server-sent event whose
/// <c>event</c> name is <see cref="Type"/> too (so that a client that reads only the data still knows the kind).
/// </summary>
/// <param name="Type">
/// The change, named as Akka.NET's cluster events are: <c>member-up</c> (a member is up; sent for every member when the
/// stream starts), <c>member-left</c> (a member is leaving: this node, when it shuts down).
/// </param>
/// <param name="At">When the node saw the change (for the members at the start of the stream: when the stream started).</param>
/// <param name="Member">The member, in its new status.</param>
public sealed record ClusterMemberEvent(string Type, DateTimeOffset At, ClusterMember Member)
{
    /// <summary>A member is up.</summary>
    /// <value><c>member-up</c></value>
    public const string MemberUp = "member-up";

    /// <summary>A member is leaving the cluster.</summary>
    /// <value><c>member-left</c></value>
    public const string MemberLeft = "member-left";
}
