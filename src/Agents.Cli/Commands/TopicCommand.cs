using System.CommandLine;
using System.Text.Json;
using Agents.Cli.Management;
using Agents.Cli.Rendering;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents topic list</c> (<c>GET /api/topics</c>), <c>agents topic publish TOPIC JSON</c> (<c>POST /api/topics/{topic}/events</c>,
/// needs the token) and <c>agents topic tail PATTERN [--from-beginning]</c> (<c>GET /api/topics/stream</c>, server-sent events,
/// one line per event until Ctrl-C).
/// </summary>
internal static class TopicCommand
{
    public static Command Create(AgentsConsole console, NodeConnection connection) =>
        new("topic", "list, publish to and tail topics") { List(console, connection), Publish(console, connection), Tail(console, connection) };

    private static Command List(AgentsConsole console, NodeConnection connection)
    {
        var json = new Option<bool>("--json") { Description = "print the node's JSON instead of a table" };
        var list = new Command("list", "the topics, how many events each holds and when the last was published") { json };
        list.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var reply = await client.GetTopicsAsync(cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await console.Output.WriteLineAsync(reply.Json).ConfigureAwait(false);
                return 0;
            }
            var table = new Table().AddColumns("Topic", "Events", "Last published");
            table.Columns[1].RightAligned();
            foreach (var topic in reply.Value)
            {
                table.AddRow(
                    new Text(topic.Topic),
                    new Text(topic.Events.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(Screen.Time(topic.LastPublishedAt)));
            }
            var screen = Screen.For(console.Output);
            screen.Write(table);
            screen.WriteLine($"{reply.Value.Count} topic(s)");
            return 0;
        }));
        return list;
    }

    private static Command Publish(AgentsConsole console, NodeConnection connection)
    {
        var topic = new Argument<string>("TOPIC") { Description = "the topic to publish to" };
        var body = new Argument<string>("JSON") { Description = "the event, as JSON, e.g. '{\"orderId\": 42}'" };
        var json = new Option<bool>("--json") { Description = "print the node's JSON" };
        var publish = new Command("publish", "publish one event to a topic (needs the token)") { topic, body, json };
        publish.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var text = result.GetValue(body)!;
            try
            {
                using var _ = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                return console.Fail($"the event is not JSON ({e.Message}); quote it for the shell, e.g. '{{\"orderId\": 42}}'");
            }

            var reply = await client.PublishAsync(result.GetValue(topic)!, text, cancellationToken).ConfigureAwait(false);
            await console.Output.WriteLineAsync(result.GetValue(json)
                ? reply.Json
                : $"published to {reply.Value.Topic} at offset {Screen.Scalar(reply.Value.Offset)}").ConfigureAwait(false);
            return 0;
        }));
        return publish;
    }

    private static Command Tail(AgentsConsole console, NodeConnection connection)
    {
        var pattern = new Argument<string>("PATTERN") { Description = "the topics to follow, a name or a pattern the node understands, e.g. orders.*" };
        var fromBeginning = new Option<bool>("--from-beginning") { Description = "start with the events already stored, not only new ones" };
        var json = new Option<bool>("--json") { Description = "print each event's JSON, one per line" };
        var tail = new Command("tail", "print events as they are published, one line each, until Ctrl-C") { pattern, fromBeginning, json };
        tail.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var asJson = result.GetValue(json);
            try
            {
                await foreach (var e in client.TailAsync(result.GetValue(pattern)!, result.GetValue(fromBeginning), cancellationToken).ConfigureAwait(false))
                {
                    await console.Output.WriteLineAsync(asJson
                        ? e.Json
                        : $"{Screen.Time(e.PublishedAt)}  {e.Topic}  {Screen.Scalar(e.Offset)}  {Screen.Compact(e.Payload, int.MaxValue)}").ConfigureAwait(false);
                    await console.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException or HttpRequestException)
            {
                return 0;
            }
            return console.Fail($"the node at {client.Node.GetLeftPart(UriPartial.Authority)} ended the stream");
        }));
        return tail;
    }
}
