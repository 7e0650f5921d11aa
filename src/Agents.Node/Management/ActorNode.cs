namespace Agents.Node.Management;

/// <summary>One actor in the tree of <c>GET /api/actors</c>.</summary>
/// <param name="Name">The actor's name (the last path element).</param>
/// <param name="Path">The path without address, e.g. <c>/user/orders/order-1</c>.</param>
/// <param name="Children">The actor's children, by name.</param>
public sealed record ActorNode(string Name, string Path, IReadOnlyList<ActorNode> Children);
