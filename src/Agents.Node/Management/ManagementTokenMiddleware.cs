using System.Security.Cryptography;
using System.Text;
using Agents.Node.Configuration;
using Microsoft.Extensions.Options;

namespace Agents.Node.Management;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;token&gt;</c> on every request that changes something (any method but
/// GET, HEAD and OPTIONS) when <c>agents.node.management.token</c> is set; answers 401 with problem details
/// otherwise. Without a token the API listens on loopback only (the options validator enforces it), so those
/// requests can only come from this machine.
/// </summary>
internal sealed class ManagementTokenMiddleware(RequestDelegate next, IOptions<NodeOptions> options)
{
    private readonly byte[]? _token = string.IsNullOrEmpty(options.Value.Management.Token)
        ? null
        : Encoding.UTF8.GetBytes(options.Value.Management.Token);

    public async Task InvokeAsync(HttpContext context)
    {
        if (_token is null || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ||
            HttpMethods.IsOptions(context.Request.Method) || Presents(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(
                title: "A bearer token is required",
                detail: "Requests that change something need 'Authorization: Bearer <token>' with the node's token " +
                        "(agents.node.management.token, AGENTS_TOKEN).",
                statusCode: StatusCodes.Status401Unauthorized)
            .ExecuteAsync(context).ConfigureAwait(false);
    }

    private bool Presents(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _token);
    }
}
