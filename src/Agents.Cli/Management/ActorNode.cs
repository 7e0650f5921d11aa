namespace Agents.Cli.Management;

/// <summary>One actor in <c>GET /api/actors</c>.</summary>
/// <param name="Name">The last path element.</param>
/// <param name="Path">The path without address, e.g. <c>/user/orders</c>.</param>
/// <param name="Children">Its children.</param>
internal sealed record ActorNode(string Name, string Path, IReadOnlyList<ActorNode>? Children)
{
    /// <summary>The children, empty when the node sent none.</summary>
    public IReadOnlyList<ActorNode> Descendants => Children ?? [];
}
