using System.CommandLine;
using System.Text.Json;
using Agents.Cli.Management;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents node health [--json]</c>: whether the node is live (<c>/health/live</c>) and ready (<c>/health/ready</c>),
/// with the reason when it is not. Exit code 1 when either is not healthy, so that scripts can wait on it.
/// </summary>
internal static class NodeCommand
{
    public static Command Create(AgentsConsole console, NodeConnection connection)
    {
        var json = new Option<bool>("--json") { Description = "print {\"live\": ..., \"ready\": ...} with the node's bodies" };
        var health = new Command("health", "whether the node is live and ready, and why not") { json };
        health.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var live = await client.ProbeAsync("/health/live", cancellationToken).ConfigureAwait(false);
            var ready = await client.ProbeAsync("/health/ready", cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await console.Output.WriteLineAsync(Json(live, ready)).ConfigureAwait(false);
            }
            else
            {
                await console.Output.WriteLineAsync(Line("live", live)).ConfigureAwait(false);
                await console.Output.WriteLineAsync(Line("ready", ready)).ConfigureAwait(false);
            }
            return live.Healthy && ready.Healthy ? 0 : console.Fail($"the node at {client.Node.GetLeftPart(UriPartial.Authority)} is not {(live.Healthy ? "ready" : "live")}");
        }));
        return new Command("node", "inspect the node the console talks to") { health };
    }

    private static string Line(string name, HealthProbe probe) =>
        probe.Healthy ? $"{name}: yes" : $"{name}: no ({probe.Reason})";

    private static string Json(HealthProbe live, HealthProbe ready)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            Write(writer, "live", live);
            Write(writer, "ready", ready);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, string name, HealthProbe probe)
    {
        writer.WriteStartObject(name);
        writer.WriteBoolean("healthy", probe.Healthy);
        if (probe.Reason is not null)
        {
            writer.WriteString("reason", probe.Reason);
        }
        if (TryParse(probe.Json) is { } body)
        {
            writer.WritePropertyName("body");
            body.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    private static JsonElement? TryParse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
