using Agents.Node.Hosting;

namespace Agents.Node.Management;

/// <summary>
/// <c>GET /health/live</c> (the process answers) and <c>GET /health/ready</c> (200 when the database answers a
/// query, the actor system runs and the agents are started; 503 with the failing checks otherwise), for probes and
/// load balancers.
/// </summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(3);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health").WithTags("health");
        health.MapGet("/live", () => TypedResults.Ok(new HealthReport("live", new Dictionary<string, string>())))
            .WithSummary("Whether the node's process answers.");
        health.MapGet("/ready", ReadyAsync)
            .WithSummary("Whether the node can serve: the database answers, the actor system runs and the agents are started.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ReadyAsync(NodeRuntime runtime, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["actor-system"] = runtime.IsRunning ? "ok" : "the actor system is not running (starting, or terminated)",
            ["database"] = await CheckDatabaseAsync(runtime, cancellationToken).ConfigureAwait(false),
            ["agents"] = runtime.AgentsStarted ? "ok" : "the agents are not started yet",
        };
        if (checks.Values.All(outcome => outcome == "ok"))
        {
            return TypedResults.Ok(new HealthReport("ready", checks));
        }

        return TypedResults.Problem(
            title: "The node is not ready",
            detail: string.Join("; ", checks.Where(check => check.Value != "ok").Select(check => $"{check.Key}: {check.Value}")),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["checks"] = checks });
    }

    private static async Task<string> CheckDatabaseAsync(NodeRuntime runtime, CancellationToken cancellationToken)
    {
        if (!runtime.IsStarted)
        {
            return "the database is not connected yet";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            await using var command = runtime.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            return "ok";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the database did not answer 'SELECT 1' within {DatabaseTimeout.TotalSeconds:0} s";
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return $"the database does not answer: {e.Message}";
        }
    }
}
