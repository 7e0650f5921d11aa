using System.Text.Json;
using Agents.Node.Configuration;
using Agents.Node.Hosting;
using Microsoft.Extensions.Options;

namespace Agents.Node.Management;

/// <summary>
/// <c>GET /api/cluster/stream</c>: the cluster's membership as <c>text/event-stream</c> (<see cref="ClusterMemberEvent"/>s),
/// for <c>agents cluster tail</c>. It starts with every current member as <c>member-up</c>, then sends each change as it
/// happens, with a keep-alive comment every <see cref="ServerSentEvents.KeepAlive"/>. Until the cluster layer exists the
/// only change on a node is its own shutdown: the stream then sends this node as <c>member-left</c> (status
/// <c>leaving</c>) and ends, so that an open stream does not hold the shutdown. It also ends when the client leaves.
/// </summary>
internal static class ClusterEventStream
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> RunAsync(
        HttpContext context, NodeRuntime runtime, IOptions<NodeOptions> options, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        var response = context.Response;
        var stopping = lifetime.ApplicationStopping;
        var cancellationToken = context.RequestAborted;
        try
        {
            await ServerSentEvents.StartAsync(response, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            foreach (var member in ClusterEndpoints.Current(runtime, options.Value).Members)
            {
                await WriteAsync(response, new ClusterMemberEvent(ClusterMemberEvent.MemberUp, now, member), cancellationToken).ConfigureAwait(false);
            }

            while (!stopping.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
                try
                {
                    await Task.Delay(ServerSentEvents.KeepAlive, time, wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                await ServerSentEvents.WriteKeepAliveAsync(response, cancellationToken).ConfigureAwait(false);
            }

            var leaving = ClusterEndpoints.Self(runtime, options.Value, "leaving");
            await WriteAsync(response, new ClusterMemberEvent(ClusterMemberEvent.MemberLeft, time.GetUtcNow(), leaving), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: the normal end of a stream, with no one to report to.
        }

        return TypedResults.Empty;
    }

    private static Task WriteAsync(HttpResponse response, ClusterMemberEvent change, CancellationToken cancellationToken) =>
        ServerSentEvents.WriteEventAsync(response, change.Type, JsonSerializer.Serialize(change, Json), cancellationToken);
}
