using System.Net;
using System.Text.Json;

namespace Agents.Cli.Tests;

public sealed class ClusterShowCommandTests
{
    internal const string Cluster = """
        {"self":"agents://alpha","leader":"agents://alpha","members":[
          {"address":"agents://alpha","roles":["backend","web"],"status":"up","upSince":"2026-11-29T10:00:00Z","uptimeSeconds":93784.5,"version":"1.2.3"},
          {"address":"agents://beta","roles":[],"status":"joining","upSince":"2026-11-29T12:00:00Z","uptimeSeconds":65,"version":"1.2.3"}]}
        """;

    private static StubNode Node() => new StubNode().On("GET /api/cluster", HttpStatusCode.OK, Cluster);

    [Fact]
    public async Task The_table_lists_each_member_with_roles_status_and_uptime()
    {
        var run = await ConsoleRun.Against(Node(), "cluster", "show");

        Assert.Equal(0, run.ExitCode);
        var alpha = Assert.Single(run.Output.Split('\n'), line => line.Contains("agents://alpha", StringComparison.Ordinal) && line.Contains("backend", StringComparison.Ordinal));
        Assert.Contains("backend, web", alpha);
        Assert.Contains("up", alpha);
        Assert.Contains("1d 2h 3m", alpha);
        var beta = Assert.Single(run.Output.Split('\n'), line => line.Contains("agents://beta", StringComparison.Ordinal));
        Assert.Contains("joining", beta);
        Assert.Contains("1m 5s", beta);
    }

    [Fact]
    public async Task Output_that_is_not_a_terminal_has_no_ansi_escapes()
    {
        var run = await ConsoleRun.Against(Node(), "cluster", "show");

        Assert.DoesNotContain('\u001b', run.Output);
    }

    [Fact]
    public async Task Json_prints_the_nodes_answer_unchanged()
    {
        var run = await ConsoleRun.Against(Node(), "cluster", "show", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Cluster, run.Output.TrimEnd());
        Assert.Equal(2, JsonDocument.Parse(run.Output).RootElement.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task The_default_node_is_the_loopback_management_port()
    {
        var node = Node();

        await ConsoleRun.Against(node, "cluster", "show");

        Assert.Equal("http://127.0.0.1:9110/api/cluster", node.LastRequest.RequestUri!.ToString());
    }

    [Fact]
    public async Task The_node_option_names_the_node_including_a_base_path()
    {
        var node = Node();

        await ConsoleRun.Against(node, "cluster", "show", "--node", "https://ops.example:8443/agents");

        Assert.Equal("https://ops.example:8443/agents/api/cluster", node.LastRequest.RequestUri!.ToString());
    }

    [Fact]
    public async Task AGENTS_NODE_names_the_node_when_the_option_is_not_given()
    {
        var node = Node();

        await ConsoleRun.Against(node, new Dictionary<string, string> { ["AGENTS_NODE"] = "http://10.0.0.7:9200" }, CancellationToken.None, "cluster", "show");

        Assert.Equal("http://10.0.0.7:9200/api/cluster", node.LastRequest.RequestUri!.ToString());
    }

    [Fact]
    public async Task Global_options_may_come_before_the_command()
    {
        var node = Node();

        var run = await ConsoleRun.Against(node, "--node", "http://10.0.0.8:9300", "cluster", "show");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("http://10.0.0.8:9300/api/cluster", node.LastRequest.RequestUri!.ToString());
    }
}
