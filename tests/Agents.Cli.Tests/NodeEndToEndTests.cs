using System.Text.Json;
using Agents.Actors;

namespace Agents.Cli.Tests;

/// <summary>The console against a real node: the shapes it reads are the ones the node writes.</summary>
public sealed class NodeEndToEndTests(RunningNode node) : IClassFixture<RunningNode>
{
    private Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.Against(node.Handler, new Dictionary<string, string>(), CancellationToken.None, args);

    [Fact]
    public async Task Cluster_show_lists_the_node_as_an_up_member()
    {
        var run = await Run("cluster", "show");

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains(node.SystemName, StringComparison.Ordinal) && l.Contains("(self)", StringComparison.Ordinal));
        Assert.Contains(" up ", line);
    }

    [Fact]
    public async Task Cluster_show_json_is_the_nodes_cluster_state()
    {
        var run = await Run("cluster", "show", "--json");

        Assert.Equal(0, run.ExitCode);
        var member = Assert.Single(JsonDocument.Parse(run.Output).RootElement.GetProperty("members").EnumerateArray());
        Assert.Equal("up", member.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Node_health_reports_live_and_ready()
    {
        var run = await Run("node", "health");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["live: yes", "ready: yes"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Actor_hierarchy_shows_an_actor_the_node_runs()
    {
        var actor = node.Runtime.System.ActorOf(Props.Create<IdleActor>(), "e2e-tree");
        try
        {
            var run = await Run("actor", "hierarchy", "--path", "/user");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("e2e-tree", run.Output);
        }
        finally
        {
            node.Runtime.System.Stop(actor);
        }
    }

    [Fact]
    public async Task Actor_stop_with_the_token_stops_the_actor()
    {
        node.Runtime.System.ActorOf(Props.Create<IdleActor>(), "e2e-stop");

        var run = await Run("actor", "stop", "/user/e2e-stop", "--token", RunningNode.Token);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("stopping /user/e2e-stop", run.Output.TrimEnd());
    }

    [Fact]
    public async Task Actor_stop_without_the_token_is_refused_with_exit_code_1()
    {
        var run = await Run("actor", "stop", "/user/anything");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: the node requires a token for this: set --token or AGENTS_TOKEN", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Actor_stop_of_an_actor_that_does_not_exist_prints_the_nodes_detail()
    {
        var run = await Run("actor", "stop", "/user/nobody-here", "--token", RunningNode.Token);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("agents: not found: There is no live actor at '/user/nobody-here'", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_published_event_is_listed_and_shown_with_its_offset()
    {
        var topic = $"e2e.published.t{Guid.NewGuid():N}";

        var publish = await Run("topic", "publish", topic, """{"run":"r1","loss":0.25}""", "--token", RunningNode.Token);
        var list = await Run("topic", "list", "--json");

        Assert.Equal(0, publish.ExitCode);
        Assert.StartsWith($"published to {topic} at offset ", publish.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        var listed = Assert.Single(JsonDocument.Parse(list.Output).RootElement.EnumerateArray(), t => t.GetProperty("topic").GetString() == topic);
        Assert.Equal(1, listed.GetProperty("events").GetInt32());
    }

    [Fact]
    public async Task Journal_events_of_an_unknown_entity_are_an_empty_page()
    {
        var run = await Run("journal", "events", $"nobody-{Guid.NewGuid():N}", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(JsonDocument.Parse(run.Output).RootElement.GetProperty("events").EnumerateArray());
    }
}
