using System.Net;
using System.Text.Json;

namespace Agents.Cli.Tests;

public sealed class NodeHealthCommandTests
{
    private static StubNode Node(HttpStatusCode ready, string readyBody) => new StubNode()
        .On("GET /health/live", HttpStatusCode.OK, """{"status":"live","checks":{}}""")
        .On("GET /health/ready", ready, readyBody);

    private static readonly string NotReady = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.6.4","title":"The node is not ready","status":503,
         "detail":"database: the database does not answer: connection refused","checks":{"actor-system":"ok","database":"the database does not answer: connection refused"}}
        """;

    [Fact]
    public async Task A_healthy_node_is_live_and_ready_with_exit_code_0()
    {
        var run = await ConsoleRun.Against(Node(HttpStatusCode.OK, """{"status":"ready","checks":{"database":"ok"}}"""), "node", "health");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["live: yes", "ready: yes"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task A_node_that_is_not_ready_prints_the_reason_and_exits_with_code_1()
    {
        var run = await ConsoleRun.Against(Node(HttpStatusCode.ServiceUnavailable, NotReady), "node", "health");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ready: no (database: the database does not answer: connection refused)", run.Output);
        Assert.Equal("agents: the node at http://127.0.0.1:9110 is not ready", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Json_holds_both_probes_with_the_nodes_bodies()
    {
        var run = await ConsoleRun.Against(Node(HttpStatusCode.ServiceUnavailable, NotReady), "node", "health", "--json");

        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.True(root.GetProperty("live").GetProperty("healthy").GetBoolean());
        Assert.False(root.GetProperty("ready").GetProperty("healthy").GetBoolean());
        Assert.Equal("ok", root.GetProperty("ready").GetProperty("body").GetProperty("checks").GetProperty("actor-system").GetString());
    }
}
