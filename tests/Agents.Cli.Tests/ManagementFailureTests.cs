using System.Net;
using System.Net.Sockets;

namespace Agents.Cli.Tests;

public sealed class ManagementFailureTests
{
    [Fact]
    public async Task An_unreachable_node_is_one_line_naming_its_url_and_exit_code_1()
    {
        var port = ClosedPort();

        var run = await ConsoleRun.Against(null, "cluster", "show", "--node", $"http://127.0.0.1:{port}");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal($"agents: cannot reach the node at http://127.0.0.1:{port}: connection refused", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_401_without_a_token_says_how_to_give_one()
    {
        var node = new StubNode().On("DELETE /api/actors/user/a", HttpStatusCode.Unauthorized,
            StubNode.Problem(401, "A bearer token is required", "Requests that change something need a token"), "application/problem+json");

        var run = await ConsoleRun.Against(node, "actor", "stop", "/user/a");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: the node requires a token for this: set --token or AGENTS_TOKEN", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_401_with_a_token_says_the_node_refused_it()
    {
        var node = new StubNode().On("DELETE /api/actors/user/a", HttpStatusCode.Unauthorized, StubNode.Problem(401, "A bearer token is required", "x"));

        var run = await ConsoleRun.Against(node, "actor", "stop", "/user/a", "--token", "wrong");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: the node refused the token: set --token or AGENTS_TOKEN", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_404_prints_the_problem_detail()
    {
        var node = new StubNode().On("DELETE /api/actors/user/gone", HttpStatusCode.NotFound,
            StubNode.Problem(404, "No such actor", "There is no live actor at '/user/gone'; GET /api/actors lists them."));

        var run = await ConsoleRun.Against(node, "actor", "stop", "user/gone");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: not found: There is no live actor at '/user/gone'; GET /api/actors lists them.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_route_the_node_does_not_have_is_a_404_naming_the_request()
    {
        var run = await ConsoleRun.Against(new StubNode(), "topic", "list");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: the node has no GET http://127.0.0.1:9110/api/topics (404): it may be older than this console", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_400_prints_the_problem_detail()
    {
        var node = new StubNode().On("DELETE /api/actors/system/log", HttpStatusCode.BadRequest,
            StubNode.Problem(400, "Only actors under /user can be stopped", "'/system/log' is not below /user"));

        var run = await ConsoleRun.Against(node, "actor", "stop", "/system/log");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("agents: the node rejected DELETE", line);
        Assert.EndsWith(": '/system/log' is not below /user", line);
    }

    [Fact]
    public async Task Another_status_is_one_line_with_code_and_title()
    {
        var node = new StubNode().On("GET /api/cluster", HttpStatusCode.InternalServerError, """{"title":"An error occurred","status":500}""");

        var run = await ConsoleRun.Against(node, "cluster", "show");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: the node answered 500 InternalServerError to GET http://127.0.0.1:9110/api/cluster: An error occurred", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_node_that_does_not_answer_within_the_timeout_is_a_failure_naming_the_option()
    {
        var node = new StubNode().On("GET /api/cluster", _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new ChunkedStream([], whenDrained: () => { })),
        });

        var run = await ConsoleRun.Against(node, "cluster", "show", "--timeout", "0.05");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: the node at http://127.0.0.1:9110 did not answer within 0.05 s (raise --timeout)", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task An_answer_of_another_shape_is_a_one_line_failure()
    {
        var node = new StubNode().On("GET /api/cluster", HttpStatusCode.OK, "[1, 2]");

        var run = await ConsoleRun.Against(node, "cluster", "show");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("agents: the node's answer to GET http://127.0.0.1:9110/api/cluster is not the ClusterView", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("localhost:9110")]
    [InlineData("ftp://node:21")]
    public async Task A_node_that_is_not_an_http_url_fails_with_exit_code_1(string url)
    {
        var node = new StubNode();

        var run = await ConsoleRun.Against(node, "cluster", "show", "--node", url);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"--node '{url}'", run.Error);
        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task A_timeout_that_is_not_positive_fails_with_exit_code_1()
    {
        var run = await ConsoleRun.Against(new StubNode(), "cluster", "show", "--timeout", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--timeout 0", run.Error);
    }

    [Fact]
    public async Task A_timeout_that_is_not_a_number_is_a_usage_error_with_exit_code_2()
    {
        var run = await ConsoleRun.Against(new StubNode(), "cluster", "show", "--timeout", "soon");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("soon", run.Error);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
