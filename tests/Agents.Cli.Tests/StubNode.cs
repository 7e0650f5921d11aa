using System.Net;
using System.Text;

namespace Agents.Cli.Tests;

/// <summary>
/// A fake node: answers the requests it has a route for ("GET /api/cluster"), 404 with an empty body (as ASP.NET Core
/// does for an unknown route) otherwise, and records every request with its body.
/// </summary>
internal sealed class StubNode : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _routes = new(StringComparer.Ordinal);

    public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = [];

    public HttpRequestMessage LastRequest => Requests[^1].Request;

    public StubNode On(string methodAndPath, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _routes[methodAndPath] = answer;
        return this;
    }

    public StubNode On(string methodAndPath, HttpStatusCode status, string json, string mediaType = "application/json") =>
        On(methodAndPath, _ => Json(status, json, mediaType));

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    public static string Problem(int status, string title, string detail) =>
        $$"""{"type":"https://tools.ietf.org/html/rfc9110","title":"{{title}}","status":{{status}},"detail":"{{detail}}"}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        var key = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        return _routes.TryGetValue(key, out var answer) ? answer(request) : new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
