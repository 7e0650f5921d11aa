using System.Net;
using System.Text.Json;

namespace Agents.Cli.Tests;

public sealed class TopicCommandTests
{
    private const string Topics = """
        [{"topic":"orders.placed","events":12,"lastPublishedAt":"2026-11-29T10:15:30Z"},{"topic":"orders.empty","events":0,"lastPublishedAt":null}]
        """;

    private const string Stream = """
        : connected

        data: {"offset":"17","topic":"orders.placed","publishedAt":"2026-11-29T10:15:30Z","payload":{"orderId":42}}

        :keep-alive

        data: {"offset":"18","topic":"orders.shipped","publishedAt":"2026-11-29T10:16:00Z",
        data: "payload":{"orderId":42,"carrier":"Zürich Post"}}


        """;

    [Fact]
    public async Task List_shows_each_topic_with_its_count_and_last_publication()
    {
        var run = await ConsoleRun.Against(new StubNode().On("GET /api/topics", HttpStatusCode.OK, Topics), "topic", "list");

        Assert.Equal(0, run.ExitCode);
        var placed = Assert.Single(run.Output.Split('\n'), line => line.Contains("orders.placed", StringComparison.Ordinal));
        Assert.Contains("12", placed);
        Assert.Contains("2026-11-29 10:15:30.000Z", placed);
        Assert.Contains("2 topic(s)", run.Output);
    }

    [Fact]
    public async Task List_json_prints_the_nodes_answer_unchanged()
    {
        var run = await ConsoleRun.Against(new StubNode().On("GET /api/topics", HttpStatusCode.OK, Topics), "topic", "list", "--json");

        Assert.Equal(Topics, run.Output.TrimEnd());
    }

    [Fact]
    public async Task Publish_posts_the_json_with_the_token_and_prints_the_offset()
    {
        var node = new StubNode().On("POST /api/topics/orders.placed/events", HttpStatusCode.Accepted, """{"topic":"orders.placed","offset":"19"}""");

        var run = await ConsoleRun.Against(node, "topic", "publish", "orders.placed", """{"orderId": 43}""", "--token", "t0k");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("published to orders.placed at offset 19", run.Output.TrimEnd());
        var (request, body) = node.Requests[^1];
        Assert.Equal("""{"orderId": 43}""", body);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("Bearer t0k", request.Headers.Authorization?.ToString());
    }

    [Fact]
    public async Task Publish_refuses_text_that_is_not_json_without_asking_the_node()
    {
        var node = new StubNode();

        var run = await ConsoleRun.Against(node, "topic", "publish", "orders.placed", "{orderId: 43");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("agents: the event is not JSON", Assert.Single(run.ErrorLines));
        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task Tail_prints_one_line_per_event_and_exits_with_0_on_ctrl_c()
    {
        using var ctrlC = new CancellationTokenSource();
        var node = new StubNode().On("GET /api/topics/stream", _ => EventStream(Stream, chunkSize: 7, whenDrained: ctrlC.Cancel));

        var run = await ConsoleRun.Against(node, new Dictionary<string, string>(), ctrlC.Token, "topic", "tail", "orders.*");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("2026-11-29 10:15:30.000Z  orders.placed  17  {\"orderId\":42}", lines[0]);
        Assert.Equal("2026-11-29 10:16:00.000Z  orders.shipped  18  {\"orderId\":42,\"carrier\":\"Zürich Post\"}", lines[1]);
    }

    [Fact]
    public async Task Tail_sends_the_pattern_and_from_beginning_in_the_query()
    {
        using var ctrlC = new CancellationTokenSource();
        var node = new StubNode().On("GET /api/topics/stream", _ => EventStream("", chunkSize: 1, whenDrained: ctrlC.Cancel));

        await ConsoleRun.Against(node, new Dictionary<string, string>(), ctrlC.Token, "topic", "tail", "orders.*", "--from-beginning");

        Assert.Equal("?pattern=orders.%2A&fromBeginning=true", node.LastRequest.RequestUri!.Query);
        Assert.Equal("text/event-stream", Assert.Single(node.LastRequest.Headers.Accept).MediaType);
    }

    [Fact]
    public async Task Tail_json_prints_each_events_data_on_its_own_line()
    {
        using var ctrlC = new CancellationTokenSource();
        var node = new StubNode().On("GET /api/topics/stream", _ => EventStream(Stream, chunkSize: 64, whenDrained: ctrlC.Cancel));

        var run = await ConsoleRun.Against(node, new Dictionary<string, string>(), ctrlC.Token, "topic", "tail", "orders.*", "--json");

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["17", "18"], lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("offset").GetString()));
    }

    [Fact]
    public async Task Tail_fails_with_exit_code_1_when_the_node_ends_the_stream()
    {
        var node = new StubNode().On("GET /api/topics/stream", _ => EventStream(Stream, chunkSize: 64, whenDrained: null));

        var run = await ConsoleRun.Against(node, "topic", "tail", "orders.*");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: the node at http://127.0.0.1:9110 ended the stream", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Tail_of_a_node_without_the_stream_route_is_a_404_failure()
    {
        var run = await ConsoleRun.Against(new StubNode(), "topic", "tail", "orders.*");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("agents: the node has no GET ", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Tail_fails_with_exit_code_1_naming_an_event_that_is_not_json()
    {
        var node = new StubNode().On("GET /api/topics/stream", _ => EventStream("data: not json\n\n", chunkSize: 64, whenDrained: null));

        var run = await ConsoleRun.Against(node, "topic", "tail", "orders.*");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("agents: the node streamed an event that is not the expected JSON", line);
        Assert.EndsWith(": not json", line);
    }

    private static HttpResponseMessage EventStream(string text, int chunkSize, Action? whenDrained)
    {
        var content = new StreamContent(ChunkedStream.Of(text.ReplaceLineEndings("\n"), chunkSize, whenDrained));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
