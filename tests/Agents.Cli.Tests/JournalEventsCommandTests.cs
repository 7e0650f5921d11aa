using System.Net;

namespace Agents.Cli.Tests;

public sealed class JournalEventsCommandTests
{
    private static readonly string LongText = new('x', 200);

    private static readonly string Page = $$$"""
        {"persistenceId":"order-1","events":[
          {"sequenceNr":3,"manifest":"OrderPlaced","timestamp":"2026-11-29T10:15:30.123+00:00","tags":["orders","eu"],"payload":{"orderId":42,"note":"{{{LongText}}}"}},
          {"sequenceNr":4,"manifest":"OrderShipped","timestamp":"2026-11-29T11:00:00Z","tags":[],"payload":{"orderId":42}}]}
        """;

    private static StubNode Node() => new StubNode().On("GET /api/journal/order-1", HttpStatusCode.OK, Page);

    [Fact]
    public async Task The_table_shows_sequence_manifest_time_tags_and_a_cut_payload()
    {
        var run = await ConsoleRun.Against(Node(), "journal", "events", "order-1");

        Assert.Equal(0, run.ExitCode);
        var placed = Assert.Single(run.Output.Split('\n'), line => line.Contains("OrderPlaced", StringComparison.Ordinal));
        Assert.Contains(" 3 ", placed);
        Assert.Contains("2026-11-29 10:15:30.123Z", placed);
        Assert.Contains("orders, eu", placed);
        Assert.Contains("{\"orderId\":42,\"note\":\"xxx", placed);
        Assert.Contains("…", placed);
        Assert.DoesNotContain(LongText, run.Output);
        Assert.Contains("{\"orderId\":42}", Assert.Single(run.Output.Split('\n'), line => line.Contains("OrderShipped", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task From_and_max_go_to_the_node_as_the_query()
    {
        var node = Node();

        await ConsoleRun.Against(node, "journal", "events", "order-1", "--from", "3", "--max", "2");

        Assert.Equal("?from=3&max=2", node.LastRequest.RequestUri!.Query);
    }

    [Fact]
    public async Task Json_prints_the_nodes_answer_unchanged()
    {
        var run = await ConsoleRun.Against(Node(), "journal", "events", "order-1", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Page, run.Output.TrimEnd());
    }

    [Fact]
    public async Task A_persistence_id_is_escaped_into_one_path_segment()
    {
        var node = new StubNode().On("GET /api/journal/shard%2Forder%201", HttpStatusCode.OK, """{"persistenceId":"shard/order 1","events":[]}""");

        var run = await ConsoleRun.Against(node, "journal", "events", "shard/order 1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 event(s) of shard/order 1", run.Output);
    }

    [Fact]
    public async Task A_from_below_1_fails_with_exit_code_1_without_asking_the_node()
    {
        var node = Node();

        var run = await ConsoleRun.Against(node, "journal", "events", "order-1", "--from", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--from 0", run.Error);
        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task An_unknown_persistence_id_prints_the_nodes_detail()
    {
        var node = new StubNode().On("GET /api/journal/nobody", HttpStatusCode.NotFound,
            StubNode.Problem(404, "No such persistence id", "The journal holds no events for 'nobody'."));

        var run = await ConsoleRun.Against(node, "journal", "events", "nobody");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: not found: The journal holds no events for 'nobody'.", Assert.Single(run.ErrorLines));
    }
}
