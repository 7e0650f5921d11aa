using System.Net;
using System.Text.Json;

namespace Agents.Cli.Tests;

public sealed class ClusterTailCommandTests
{
    private const string Up = """
        event: member-up
        data: {"type":"member-up","at":"2026-11-29T10:00:00Z","member":{"address":"agents://alpha","roles":["backend"],"status":"up","upSince":"2026-11-29T09:00:00Z","uptimeSeconds":3600,"version":"1.0"}}

        : keep-alive


        """;

    private const string Left = """
        event: member-left
        data: {"type":"member-left","at":"2026-11-29T10:05:00Z","member":{"address":"agents://alpha","roles":["backend"],"status":"leaving","upSince":"2026-11-29T09:00:00Z","uptimeSeconds":3900,"version":"1.0"}}


        """;

    [Fact]
    public async Task Tail_prints_one_line_per_change_and_exits_with_0_on_ctrl_c()
    {
        using var ctrlC = new CancellationTokenSource();
        var node = new StubNode().On("GET /api/cluster/stream", _ => EventStream(Up, whenDrained: ctrlC.Cancel));

        var run = await ConsoleRun.Against(node, new Dictionary<string, string>(), ctrlC.Token, "cluster", "tail");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Equal("2026-11-29 10:00:00.000Z  member-up  agents://alpha  up  backend", run.Output.TrimEnd());
    }

    [Fact]
    public async Task Tail_exits_with_0_when_the_stream_ends_after_the_node_left()
    {
        var node = new StubNode().On("GET /api/cluster/stream", _ => EventStream(Up + Left, whenDrained: null));

        var run = await ConsoleRun.Against(node, "cluster", "tail");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("member-left  agents://alpha  leaving  backend", run.Output.TrimEnd());
    }

    [Fact]
    public async Task Tail_fails_with_exit_code_1_when_the_stream_ends_otherwise()
    {
        var node = new StubNode().On("GET /api/cluster/stream", _ => EventStream(Up, whenDrained: null));

        var run = await ConsoleRun.Against(node, "cluster", "tail");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: the node at http://127.0.0.1:9110 ended the stream", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Tail_json_prints_each_changes_data_on_its_own_line()
    {
        var node = new StubNode().On("GET /api/cluster/stream", _ => EventStream(Up + Left, whenDrained: null));

        var run = await ConsoleRun.Against(node, "cluster", "tail", "--json");

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["member-up", "member-left"], lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()));
    }

    private static HttpResponseMessage EventStream(string text, Action? whenDrained)
    {
        var content = new StreamContent(ChunkedStream.Of(text.ReplaceLineEndings("\n"), 16, whenDrained));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
