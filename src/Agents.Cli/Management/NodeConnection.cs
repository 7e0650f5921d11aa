using System.CommandLine;
using System.Globalization;

namespace Agents.Cli.Management;

/// <summary>
/// The global options that say which node to talk to and how (<c>--node</c>, <c>--token</c>, <c>--timeout</c>), and the
/// <see cref="ManagementClient"/> they make.
/// </summary>
internal sealed class NodeConnection
{
    /// <summary>The node's default management URL (<c>agents.node.management</c> listens on 127.0.0.1:9110).</summary>
    internal const string DefaultNode = "http://127.0.0.1:9110";

    /// <summary>The default request timeout in seconds.</summary>
    internal const double DefaultTimeoutSeconds = 10;

    private readonly AgentsConsole _console;

    public NodeConnection(AgentsConsole console)
    {
        _console = console;
        Node = new Option<string>("--node")
        {
            Description = "the node's management URL; AGENTS_NODE when not given",
            Recursive = true,
            HelpName = "URL",
            DefaultValueFactory = _ => console.Environment("AGENTS_NODE") is { Length: > 0 } url ? url : DefaultNode,
        };
        Token = new Option<string?>("--token")
        {
            Description = "the node's management token, needed by commands that change something; AGENTS_TOKEN when not given",
            Recursive = true,
            HelpName = "TOKEN",
        };
        Timeout = new Option<double>("--timeout")
        {
            Description = "seconds to wait for the node's answer",
            Recursive = true,
            HelpName = "SECONDS",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        };
    }

    /// <summary><c>--node URL</c>.</summary>
    public Option<string> Node { get; }

    /// <summary><c>--token TOKEN</c>.</summary>
    public Option<string?> Token { get; }

    /// <summary><c>--timeout SECONDS</c>.</summary>
    public Option<double> Timeout { get; }

    /// <summary>A client for the node <paramref name="result"/> names; throws <see cref="ManagementException"/> for a bad URL or timeout.</summary>
    public ManagementClient Connect(ParseResult result)
    {
        var node = result.GetValue(Node) ?? DefaultNode;
        if (!Uri.TryCreate(node, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ManagementException($"--node '{node}' is not an http:// or https:// URL; e.g. --node {DefaultNode}");
        }
        if (!uri.AbsolutePath.EndsWith('/'))
        {
            uri = new Uri(uri.AbsoluteUri + "/");
        }

        var seconds = result.GetValue(Timeout);
        if (!(seconds > 0) || seconds > int.MaxValue / 1000)
        {
            throw new ManagementException($"--timeout {seconds.ToString(CultureInfo.InvariantCulture)} is not a positive number of seconds; e.g. --timeout 10");
        }

        // Read here rather than as the option's default, so that --help never prints the token.
        var token = result.GetValue(Token) ?? _console.Environment("AGENTS_TOKEN");
        return new ManagementClient(uri, token, TimeSpan.FromSeconds(seconds), _console.Handler);
    }

    /// <summary>
    /// Runs <paramref name="action"/> with a client: a <see cref="ManagementException"/> becomes its one-line reason and exit code 1,
    /// as does the user's cancellation of a request.
    /// </summary>
    public async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken, Func<ManagementClient, Task<int>> action)
    {
        try
        {
            using var client = Connect(result);
            return await action(client).ConfigureAwait(false);
        }
        catch (ManagementException e)
        {
            return _console.Fail(e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return _console.Fail("cancelled");
        }
    }
}
