using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Agents.Cli.Management;

/// <summary>
/// The typed client of a node's management API (<c>src/Agents.Node/Management</c>). Every failure surfaces as a
/// <see cref="ManagementException"/> whose message is one line an operator can act on.
/// </summary>
internal sealed partial class ManagementClient : IDisposable
{
    /// <summary>camelCase, case-insensitive: the shapes ASP.NET Core writes.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly bool _hasToken;

    /// <summary>Creates a client of the node at <paramref name="node"/>.</summary>
    /// <param name="node">The node's management URL, e.g. <c>http://127.0.0.1:9110</c>.</param>
    /// <param name="token">The bearer token sent with every request; null sends none.</param>
    /// <param name="timeout">How long one request may take until its answer starts (streams then run until cancelled).</param>
    /// <param name="handler">The transport; null uses a <see cref="SocketsHttpHandler"/>. Not disposed by this client.</param>
    public ManagementClient(Uri node, string? token, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        Node = node;
        _timeout = timeout;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = node;
        _http.Timeout = Timeout.InfiniteTimeSpan;
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            _hasToken = true;
        }
    }

    /// <summary>The node's management URL.</summary>
    public Uri Node { get; }

    /// <summary><c>GET /api/cluster</c>.</summary>
    public Task<ApiReply<ClusterView>> GetClusterAsync(CancellationToken cancellationToken) =>
        SendAsync<ClusterView>(HttpMethod.Get, "api/cluster", null, cancellationToken);

    /// <summary><c>GET /api/actors</c>.</summary>
    public Task<ApiReply<ActorTree>> GetActorsAsync(CancellationToken cancellationToken) =>
        SendAsync<ActorTree>(HttpMethod.Get, "api/actors", null, cancellationToken);

    /// <summary><c>DELETE /api/actors/{path}</c>: stops the actor at <paramref name="path"/> (<c>/user/...</c>); needs the token.</summary>
    public Task<ApiReply<ActorNode>> StopActorAsync(string path, CancellationToken cancellationToken)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString);
        return SendAsync<ActorNode>(HttpMethod.Delete, "api/actors/" + string.Join('/', segments), null, cancellationToken);
    }

    /// <summary><c>GET /health/live</c> or <c>GET /health/ready</c>: a 503 is an answer (not healthy, with the reason), not a failure.</summary>
    public async Task<HealthProbe> ProbeAsync(string endpoint, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.TrimStart('/'));
        var (status, body) = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.OK)
        {
            return new HealthProbe(endpoint, true, null, body);
        }
        if (status == HttpStatusCode.ServiceUnavailable)
        {
            return new HealthProbe(endpoint, false, ReadProblem(body)?.Reason ?? "the node answered 503 Service Unavailable", body);
        }
        throw Failure(request, status, body);
    }

    /// <summary>Sends a request and reads its answer as <typeparamref name="T"/>; <paramref name="wait"/> is added to the request timeout.</summary>
    private async Task<ApiReply<T>> SendAsync<T>(
        HttpMethod method, string path, string? jsonBody, CancellationToken cancellationToken, TimeSpan wait = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }
        var (status, body) = await ExchangeAsync(request, cancellationToken, wait).ConfigureAwait(false);
        if ((int)status is < 200 or > 299)
        {
            throw Failure(request, status, body);
        }
        return new ApiReply<T>(Deserialize<T>(request, body), body);
    }

    private async Task<(HttpStatusCode Status, string Body)> ExchangeAsync(
        HttpRequestMessage request, CancellationToken cancellationToken, TimeSpan wait = default)
    {
        var limit = _timeout + wait;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return (response.StatusCode, body);
        }
        catch (Exception e) when (Unreachable(e, limit, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Turns a transport failure or our own timeout into a <see cref="ManagementException"/>; null for the caller's cancellation.</summary>
    private ManagementException? Unreachable(Exception e, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (e is OperationCanceledException)
        {
            return cancellationToken.IsCancellationRequested
                ? null
                : new ManagementException($"the node at {Origin} did not answer within {limit.TotalSeconds:0.###} s (raise --timeout)", e);
        }
        if (e is HttpRequestException http)
        {
            var socket = FindSocketError(http);
            var reason = socket switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                SocketError.TimedOut => "connection timed out",
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
                SocketError.ConnectionReset => "connection reset",
                _ => http.Message.TrimEnd('.'),
            };
            return new ManagementException($"cannot reach the node at {Origin}: {reason}", e);
        }
        return null;
    }

    private static SocketError? FindSocketError(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }
        return null;
    }

    private string Origin => Node.GetLeftPart(UriPartial.Authority);

    private ManagementException Failure(HttpRequestMessage request, HttpStatusCode status, string body)
    {
        var problem = ReadProblem(body);
        var what = $"{request.Method} {request.RequestUri}";
        return status switch
        {
            HttpStatusCode.Unauthorized => new ManagementException(_hasToken
                ? "the node refused the token: set --token or AGENTS_TOKEN"
                : "the node requires a token for this: set --token or AGENTS_TOKEN"),
            HttpStatusCode.NotFound => new ManagementException(problem?.Reason is { } reason
                ? $"not found: {reason}"
                : $"the node has no {what} (404): it may be older than this console"),
            HttpStatusCode.BadRequest => new ManagementException($"the node rejected {what}: {problem?.Reason ?? "400 Bad Request"}"),
            HttpStatusCode.Conflict => new ManagementException($"conflict: {problem?.Reason ?? $"the node answered 409 Conflict to {what}"}"),
            _ => new ManagementException(
                $"the node answered {(int)status} {status} to {what}" + (problem?.Reason is { } detail ? $": {detail}" : "")),
        };
    }

    private static Problem? ReadProblem(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Problem>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T Deserialize<T>(HttpRequestMessage request, string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json)
                ?? throw new ManagementException($"the node answered {request.Method} {request.RequestUri} with 'null' instead of a {typeof(T).Name}");
        }
        catch (JsonException e)
        {
            throw new ManagementException(
                $"the node's answer to {request.Method} {request.RequestUri} is not the {typeof(T).Name} this console expects: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
