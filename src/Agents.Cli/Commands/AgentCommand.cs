using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Agents.Cli.Management;
using Agents.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents agent list [--type T] [--status S]</c> (<c>GET /api/agents</c>), <c>agents agent show ID [--events N]</c>
/// (<c>GET /api/agents/{id}</c>), <c>agents agent define ...</c> (<see cref="AgentDefineCommand"/>),
/// <c>agents agent activate|deactivate|restart ID</c> and <c>agents agent tell ID COMMAND [--args JSON] [--wait S]</c>
/// (<c>POST /api/agents/...</c>, needing the token). An unknown agent fails with the node's one-line reason and exit code 1;
/// so does a command the agent refuses.
/// </summary>
internal static class AgentCommand
{
    /// <summary>How many of an agent's last events <c>agent show</c> asks for when <c>--events</c> is not given.</summary>
    internal const int DefaultEvents = 20;

    public static Command Create(AgentsConsole console, NodeConnection connection) =>
        new("agent", "list, show, define, activate, deactivate, restart and command agents")
        {
            List(console, connection),
            Show(console, connection),
            AgentDefineCommand.Create(console, connection),
            Change(console, connection, "activate", "activated", "start an agent, also after node restarts (needs the token)"),
            Change(console, connection, "deactivate", "deactivated", "stop an agent and keep it as a slot (needs the token)"),
            Change(console, connection, "restart", "restarted", "restart an agent now, also one that failed too often (needs the token)"),
            Tell(console, connection),
        };

    private static Command List(AgentsConsole console, NodeConnection connection)
    {
        var type = new Option<string?>("--type", "-t") { Description = "only agents of this type", HelpName = "TYPE" };
        var status = new Option<string?>("--status", "-s")
        {
            Description = "only agents in this status: inactive, starting, running, restarting or failed",
            HelpName = "STATUS",
        };
        var json = new Option<bool>("--json") { Description = "print the node's JSON instead of a table" };
        var list = new Command("list", "the defined agents: id, type, status, node, restarts, last heartbeat") { type, status, json };
        list.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var reply = await client.ListAgentsAsync(result.GetValue(type), result.GetValue(status), cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await console.Output.WriteLineAsync(reply.Json).ConfigureAwait(false);
                return 0;
            }

            var table = new Table().AddColumns("Id", "Type", "Status", "Node", "Restarts", "Last heartbeat", "Last failure");
            table.Columns[4].RightAligned();
            foreach (var agent in reply.Value)
            {
                table.AddRow(
                    new Text(agent.Definition.Id),
                    new Text(agent.Definition.Type),
                    Status(agent.Status),
                    new Text(agent.Node ?? "-"),
                    new Text(agent.Restarts.ToString(CultureInfo.InvariantCulture)),
                    new Text(agent.LastHeartbeat is null ? "-" : Screen.Time(agent.LastHeartbeat)),
                    new Text(agent.LastFailure ?? ""));
            }
            var screen = Screen.For(console.Output);
            screen.Write(table);
            screen.WriteLine($"{reply.Value.Count} agent(s)");
            return 0;
        }));
        return list;
    }

    private static Command Show(AgentsConsole console, NodeConnection connection)
    {
        var id = new Argument<string>("ID") { Description = "the agent's id" };
        var events = new Option<int>("--events", "-n")
        {
            Description = $"show this many of its last journal events (default: {DefaultEvents}; 0 for none)",
            DefaultValueFactory = _ => DefaultEvents,
            HelpName = "N",
        };
        var json = new Option<bool>("--json") { Description = "print the node's JSON" };
        var show = new Command("show", "one agent: definition, status, health and its last events") { id, events, json };
        show.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var count = result.GetValue(events);
            if (count < 0)
            {
                return console.Fail($"--events {count} is negative; give how many of the agent's last events to show, 0 for none");
            }

            var reply = await client.GetAgentAsync(result.GetValue(id)!, count, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await console.Output.WriteLineAsync(reply.Json).ConfigureAwait(false);
                return 0;
            }
            Render(Screen.For(console.Output), reply.Value);
            return 0;
        }));
        return show;
    }

    private static Command Change(AgentsConsole console, NodeConnection connection, string action, string done, string description)
    {
        var id = new Argument<string>("ID") { Description = "the agent's id" };
        var json = new Option<bool>("--json") { Description = "print the node's JSON" };
        var change = new Command(action, description) { id, json };
        change.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var reply = await client.ChangeAgentAsync(result.GetValue(id)!, action, cancellationToken).ConfigureAwait(false);
            await console.Output.WriteLineAsync(result.GetValue(json)
                ? reply.Json
                : $"{done} {reply.Value.Definition.Id}: {reply.Value.Status}").ConfigureAwait(false);
            return 0;
        }));
        return change;
    }

    private static Command Tell(AgentsConsole console, NodeConnection connection)
    {
        var id = new Argument<string>("ID") { Description = "the agent's id" };
        var name = new Argument<string>("COMMAND") { Description = "the command's name, e.g. evaluate" };
        var arguments = new Option<string?>("--args", "-a") { Description = "the command's arguments as JSON, e.g. '{\"run\": 7}'", HelpName = "JSON" };
        var wait = new Option<double?>("--wait", "-w")
        {
            Description = "seconds the node waits for the agent's answer (default: the node's, 5)",
            HelpName = "SECONDS",
        };
        var json = new Option<bool>("--json") { Description = "print the node's JSON" };
        var tell = new Command("tell", "send a command to an agent and print its answer (needs the token)") { id, name, arguments, wait, json };
        tell.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var argumentsText = result.GetValue(arguments);
            if (argumentsText is not null)
            {
                try
                {
                    using var _ = JsonDocument.Parse(argumentsText);
                }
                catch (JsonException e)
                {
                    return console.Fail($"--args is not JSON ({e.Message}); quote it for the shell, e.g. --args '{{\"run\": 7}}'");
                }
            }

            var seconds = result.GetValue(wait);
            if (seconds is { } given && (!(given > 0) || given > int.MaxValue / 1000))
            {
                return console.Fail($"--wait {given.ToString(CultureInfo.InvariantCulture)} is not a positive number of seconds; e.g. --wait 30");
            }

            var body = CommandBody(result.GetValue(name)!, argumentsText, seconds);
            var reply = await client.TellAgentAsync(
                result.GetValue(id)!, body, seconds is { } extra ? TimeSpan.FromSeconds(extra) : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            var answer = reply.Value;
            if (result.GetValue(json))
            {
                await console.Output.WriteLineAsync(reply.Json).ConfigureAwait(false);
            }
            else if (answer.Accepted)
            {
                await console.Output.WriteLineAsync($"{answer.AgentId} accepted {answer.Command}: {answer.Message}").ConfigureAwait(false);
                if (answer.Result.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
                {
                    await console.Output.WriteLineAsync(Screen.Compact(answer.Result, int.MaxValue)).ConfigureAwait(false);
                }
            }
            return answer.Accepted ? 0 : console.Fail($"{answer.AgentId} refused {answer.Command}: {answer.Message}");
        }));
        return tell;
    }

    private static string CommandBody(string name, string? argumentsJson, double? waitSeconds)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            if (argumentsJson is not null)
            {
                writer.WritePropertyName("arguments");
                using var arguments = JsonDocument.Parse(argumentsJson);
                arguments.RootElement.WriteTo(writer);
            }
            if (waitSeconds is { } seconds)
            {
                writer.WriteString("timeout", seconds.ToString(CultureInfo.InvariantCulture) + "s");
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Render(IAnsiConsole screen, AgentView agent)
    {
        var definition = agent.Definition;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, IRenderable value) => grid.AddRow(new Text(name), value);
        void Line(string name, string value) => Row(name, new Text(value));

        Line("Id", definition.Id);
        Line("Type", definition.Type);
        Row("Status", Status(agent.Status));
        Line("Active", definition.Active ? "yes" : "no (a slot)");
        Line("Node", agent.Node ?? "-");
        Line("Restarts", agent.Restarts.ToString(CultureInfo.InvariantCulture));
        Line("Last heartbeat", agent.LastHeartbeat is null ? "-" : Screen.Time(agent.LastHeartbeat));
        Line("Last failure", agent.LastFailure ?? "-");
        Line("Capabilities", Join(definition.Capabilities));
        Line("Subscribes", Join(definition.Subscribes));
        Line("Publishes", Join(definition.Publishes));
        Line("Priority", definition.Priority.ToString(CultureInfo.InvariantCulture));
        if (definition.Heartbeat is { } heartbeat)
        {
            Line("Heartbeat", $"every {heartbeat.Interval}, failed after {heartbeat.Timeout} of silence");
        }
        if (definition.Limits is { } limits)
        {
            var mailbox = limits.MailboxCapacity is { } capacity ? $"mailbox {capacity}" : "mailbox unbounded";
            Line("Limits", $"{mailbox}, {limits.MaxConcurrentActions} action(s) at once");
        }
        Line("Schedules", definition.Schedules is { Count: > 0 } schedules ? string.Join("; ", schedules.Select(Schedule)) : "-");
        Line("Settings", definition.Settings.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? "-" : Screen.Compact(definition.Settings, int.MaxValue));
        screen.Write(grid);

        var events = agent.RecentEvents ?? [];
        if (events.Count == 0)
        {
            screen.WriteLine("no recent events");
            return;
        }
        var table = new Table().AddColumns("Seq", "Manifest", "Time", "Payload");
        foreach (var e in events)
        {
            table.AddRow(
                new Text(e.SequenceNr.ToString(CultureInfo.InvariantCulture)),
                new Text(e.Manifest ?? ""),
                new Text(Screen.Time(e.Timestamp)),
                new Text(Screen.Compact(e.Payload)));
        }
        screen.Write(table);
        screen.WriteLine($"last {events.Count} event(s) of agent-{definition.Id}");
    }

    private static string Schedule(AgentScheduleView schedule) => schedule.EveryEvents is { } count
        ? $"{schedule.Name}: every {count} event(s) of {schedule.Topic ?? "any topic"}"
        : $"{schedule.Name}: every {schedule.Every}";

    private static string Join(IReadOnlyList<string>? values) => values is { Count: > 0 } ? string.Join(", ", values) : "-";

    private static Text Status(string status) => new(status, status switch
    {
        "running" => new Style(Color.Green),
        "failed" => new Style(Color.Red),
        "starting" or "restarting" => new Style(Color.Yellow),
        _ => new Style(Color.Grey),
    });
}
