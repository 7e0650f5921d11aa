using Agents.Node.Metrics;

namespace Agents.Node.Management;

/// <summary><c>GET /metrics</c>: the <c>Agents.*</c> meters in the Prometheus text format, for scraping.</summary>
internal static class MetricsEndpoints
{
    public static void MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (PrometheusExporter exporter) => TypedResults.Text(exporter.Render(), PrometheusExporter.ContentType))
            .WithTags("metrics")
            .WithSummary("The node's metrics in the Prometheus text exposition format 0.0.4.");
    }
}
