using System.CommandLine;
using Agents.Cli.Management;
using Agents.Cli.Rendering;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents journal events PERSISTENCE_ID [--from N] [--max M] [--json]</c>: the stored events of one persistent actor
/// (<c>GET /api/journal/{persistenceId}</c>).
/// </summary>
internal static class JournalCommand
{
    /// <summary>How many events one call asks for when <c>--max</c> is not given.</summary>
    internal const int DefaultMax = 100;

    public static Command Create(AgentsConsole console, NodeConnection connection)
    {
        var id = new Argument<string>("PERSISTENCE_ID") { Description = "the persistent actor's id" };
        var from = new Option<long>("--from") { Description = "the first sequence number to show (default: 1)", DefaultValueFactory = _ => 1, HelpName = "N" };
        var max = new Option<int>("--max") { Description = $"show at most this many events (default: {DefaultMax})", DefaultValueFactory = _ => DefaultMax, HelpName = "M" };
        var json = new Option<bool>("--json") { Description = "print the node's JSON instead of a table" };
        var events = new Command("events", "the events of one persistent actor: seq, manifest, time, tags, payload") { id, from, max, json };
        events.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var first = result.GetValue(from);
            var count = result.GetValue(max);
            if (first < 1)
            {
                return console.Fail($"--from {first} is not a sequence number; they start at 1");
            }
            if (count < 1)
            {
                return console.Fail($"--max {count} must be at least 1");
            }

            var reply = await client.GetJournalAsync(result.GetValue(id)!, first, count, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await console.Output.WriteLineAsync(reply.Json).ConfigureAwait(false);
                return 0;
            }

            var table = new Table().AddColumns("Seq", "Manifest", "Time", "Tags", "Payload");
            foreach (var e in reply.Value.Events)
            {
                table.AddRow(
                    new Text(e.SequenceNr.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(e.Manifest ?? ""),
                    new Text(Screen.Time(e.Timestamp)),
                    new Text(e.Tags is { Count: > 0 } tags ? string.Join(", ", tags) : ""),
                    new Text(Screen.Compact(e.Payload)));
            }
            var screen = Screen.For(console.Output);
            screen.Write(table);
            screen.WriteLine($"{reply.Value.Events.Count} event(s) of {reply.Value.PersistenceId} from sequence number {first}");
            return 0;
        }));
        return new Command("journal", "read the event journal") { events };
    }
}
