using System.Text;

namespace Agents.Node.Management;

/// <summary>
/// Writing <c>text/event-stream</c> (WHATWG HTML, "Server-sent events") for the streaming routes
/// (<see cref="TopicEventStream"/>, <see cref="ClusterEventStream"/>): the headers, events and keep-alive comments,
/// each flushed at once so that a client sees it as it happens.
/// </summary>
internal static class ServerSentEvents
{
    /// <summary>How long a stream may stay silent before a keep-alive comment, so that proxies keep the connection open.</summary>
    /// <value>15 seconds.</value>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Sends the status and headers of an event stream (<c>text/event-stream</c>, not cached).</summary>
    public static async Task StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one event: an optional <c>event:</c> name and one <c>data:</c> line of JSON (which has no line breaks).</summary>
    public static Task WriteEventAsync(HttpResponse response, string? name, string json, CancellationToken cancellationToken) =>
        WriteAsync(response, name is null ? $"data: {json}\n\n" : $"event: {name}\ndata: {json}\n\n", cancellationToken);

    /// <summary>Sends a keep-alive comment, which clients ignore.</summary>
    public static Task WriteKeepAliveAsync(HttpResponse response, CancellationToken cancellationToken) =>
        WriteAsync(response, ": keep-alive\n\n", cancellationToken);

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
