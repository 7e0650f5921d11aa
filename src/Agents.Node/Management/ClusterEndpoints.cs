using System.Reflection;
using Agents.Node.Configuration;
using Agents.Node.Hosting;
using Microsoft.Extensions.Options;

namespace Agents.Node.Management;

/// <summary><c>GET /api/cluster</c>: the cluster view. Without the cluster layer this node is the only member.</summary>
internal static class ClusterEndpoints
{
    private static readonly string Version =
        typeof(ClusterEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ClusterEndpoints).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static void MapClusterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/cluster", (NodeRuntime runtime, IOptions<NodeOptions> options) =>
            {
                var system = runtime.System;
                var address = system.Address.ToString();
                var uptime = system.TimeProvider.GetUtcNow() - system.StartTime;
                var self = new ClusterMember(address, options.Value.Roles, "up", system.StartTime, Math.Round(uptime.TotalSeconds, 3), Version);
                return TypedResults.Ok(new ClusterState(address, address, [self]));
            })
            .WithTags("cluster")
            .WithSummary("The members of the cluster: this node alone until the cluster layer arrives.");
    }
}
