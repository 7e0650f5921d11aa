namespace Agents.Cli.Management;

/// <summary>The body of <c>GET /api/actors</c>.</summary>
/// <param name="System">The actor system's name.</param>
/// <param name="Address">The actor system's address.</param>
/// <param name="Roots">The <c>/user</c> and <c>/system</c> guardians with their descendants.</param>
internal sealed record ActorTree(string System, string Address, IReadOnlyList<ActorNode> Roots);
