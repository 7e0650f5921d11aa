using System.Net;
using System.Text.Json;

namespace Agents.Cli.Tests;

public sealed class ActorCommandTests
{
    private const string Tree = """
        {"system":"alpha","address":"agents://alpha","roots":[
          {"name":"user","path":"/user","children":[
            {"name":"orders","path":"/user/orders","children":[
              {"name":"order-1","path":"/user/orders/order-1","children":[
                {"name":"payment","path":"/user/orders/order-1/payment","children":[]}]}]},
            {"name":"billing","path":"/user/billing","children":[]}]},
          {"name":"system","path":"/system","children":[{"name":"log","path":"/system/log","children":[]}]}]}
        """;

    private static StubNode Node() => new StubNode().On("GET /api/actors", HttpStatusCode.OK, Tree);

    [Fact]
    public async Task The_hierarchy_is_a_tree_of_every_actor()
    {
        var run = await ConsoleRun.Against(Node(), "actor", "hierarchy");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("alpha (agents://alpha)", run.Output);
        foreach (var name in new[] { "/user", "orders", "order-1", "payment", "billing", "/system", "log" })
        {
            Assert.Contains(name, run.Output);
        }
        Assert.True(run.Output.IndexOf("payment", StringComparison.Ordinal) < run.Output.IndexOf("billing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Path_shows_only_that_subtree()
    {
        var run = await ConsoleRun.Against(Node(), "actor", "hierarchy", "--path", "user/orders");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("/user/orders", run.Output);
        Assert.Contains("payment", run.Output);
        Assert.DoesNotContain("billing", run.Output);
        Assert.DoesNotContain("/system", run.Output);
    }

    [Fact]
    public async Task Depth_cuts_the_tree_below_that_many_levels()
    {
        var run = await ConsoleRun.Against(Node(), "actor", "hierarchy", "--depth", "1", "--json");

        var roots = JsonDocument.Parse(run.Output).RootElement.GetProperty("roots");
        var orders = roots[0].GetProperty("children")[0];
        Assert.Equal("/user/orders", orders.GetProperty("path").GetString());
        Assert.Equal(0, orders.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Json_with_a_path_is_that_actor_with_its_descendants()
    {
        var run = await ConsoleRun.Against(Node(), "actor", "hierarchy", "--path", "/user/orders/order-1", "--json");

        Assert.Equal(0, run.ExitCode);
        var node = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("/user/orders/order-1", node.GetProperty("path").GetString());
        Assert.Equal("payment", node.GetProperty("children")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_path_that_is_not_in_the_tree_fails_with_exit_code_1()
    {
        var run = await ConsoleRun.Against(Node(), "actor", "hierarchy", "--path", "/user/nobody");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'/user/nobody'", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_negative_depth_fails_with_exit_code_1_without_asking_the_node()
    {
        var node = Node();

        var run = await ConsoleRun.Against(node, "actor", "hierarchy", "--depth", "-1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--depth -1", run.Error);
        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task Stop_deletes_the_actor_with_the_token_from_AGENTS_TOKEN()
    {
        var node = new StubNode().On("DELETE /api/actors/user/orders/order-1", HttpStatusCode.Accepted,
            """{"name":"order-1","path":"/user/orders/order-1","children":[]}""");

        var run = await ConsoleRun.Against(node, new Dictionary<string, string> { ["AGENTS_TOKEN"] = "from-env" }, CancellationToken.None,
            "actor", "stop", "/user/orders/order-1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("stopping /user/orders/order-1", run.Output.TrimEnd());
        Assert.Equal("Bearer from-env", node.LastRequest.Headers.Authorization?.ToString());
    }

    [Fact]
    public async Task The_token_option_wins_over_AGENTS_TOKEN()
    {
        var node = new StubNode().On("DELETE /api/actors/user/a", HttpStatusCode.Accepted, """{"name":"a","path":"/user/a","children":[]}""");

        await ConsoleRun.Against(node, new Dictionary<string, string> { ["AGENTS_TOKEN"] = "from-env" }, CancellationToken.None,
            "actor", "stop", "/user/a", "--token", "from-option");

        Assert.Equal("Bearer from-option", node.LastRequest.Headers.Authorization?.ToString());
    }

    [Fact]
    public async Task Stop_escapes_each_path_element()
    {
        var node = new StubNode().On("DELETE /api/actors/user/a%20b", HttpStatusCode.Accepted, """{"name":"a b","path":"/user/a b","children":[]}""");

        var run = await ConsoleRun.Against(node, "actor", "stop", "/user/a b");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/actors/user/a%20b", node.LastRequest.RequestUri!.AbsolutePath);
    }
}
