using System.Reflection;
using Agents.Node.Configuration;
using Agents.Node.Hosting;
using Microsoft.Extensions.Options;

namespace Agents.Node.Management;

/// <summary>
/// <c>GET /api/cluster</c>: the cluster view, and <c>GET /api/cluster/stream</c>: its membership changes as server-sent
/// events (<see cref="ClusterEventStream"/>). Without the cluster layer this node is the only member.
/// </summary>
internal static class ClusterEndpoints
{
    private static readonly string Version =
        typeof(ClusterEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ClusterEndpoints).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static void MapClusterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var cluster = endpoints.MapGroup("/api/cluster").WithTags("cluster");
        cluster.MapGet("/", (NodeRuntime runtime, IOptions<NodeOptions> options) => TypedResults.Ok(Current(runtime, options.Value)))
            .WithSummary("The members of the cluster: this node alone until the cluster layer arrives.");
        cluster.MapGet("/stream", ClusterEventStream.RunAsync)
            .WithSummary("Server-sent events of membership changes: the current members as member-up first, then each change; ends when the node stops.")
            .Produces<ClusterMemberEvent>(StatusCodes.Status200OK, "text/event-stream");
    }

    /// <summary>The cluster as this node sees it now: itself, up, as the only member and the leader.</summary>
    internal static ClusterState Current(NodeRuntime runtime, NodeOptions options)
    {
        var self = Self(runtime, options, "up");
        return new ClusterState(self.Address, self.Address, [self]);
    }

    /// <summary>This node as a member in <paramref name="status"/>.</summary>
    internal static ClusterMember Self(NodeRuntime runtime, NodeOptions options, string status)
    {
        var system = runtime.System;
        var uptime = system.TimeProvider.GetUtcNow() - system.StartTime;
        return new ClusterMember(system.Address.ToString(), options.Roles, status, system.StartTime, Math.Round(uptime.TotalSeconds, 3), Version);
    }
}
