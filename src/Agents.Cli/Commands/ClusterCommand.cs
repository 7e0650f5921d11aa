using System.CommandLine;
using Agents.Cli.Management;
using Agents.Cli.Rendering;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary><c>agents cluster show [--json]</c>: the members of the cluster as the node sees them (<c>GET /api/cluster</c>).</summary>
internal static class ClusterCommand
{
    public static Command Create(AgentsConsole console, NodeConnection connection)
    {
        var json = new Option<bool>("--json") { Description = "print the node's JSON instead of a table" };
        var show = new Command("show", "list the members: address, roles, status, uptime") { json };
        show.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var reply = await client.GetClusterAsync(cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await console.Output.WriteLineAsync(reply.Json).ConfigureAwait(false);
                return 0;
            }
            Render(Screen.For(console.Output), reply.Value);
            return 0;
        }));
        return new Command("cluster", "inspect the cluster") { show };
    }

    private static void Render(IAnsiConsole screen, ClusterView cluster)
    {
        var table = new Table().AddColumns("Address", "Roles", "Status", "Uptime", "Version");
        foreach (var member in cluster.Members)
        {
            var markers = (member.Address == cluster.Self ? " (self)" : "") + (member.Address == cluster.Leader ? " (leader)" : "");
            table.AddRow(
                new Text(member.Address + markers),
                new Text(member.Roles is { Count: > 0 } roles ? string.Join(", ", roles) : "-"),
                new Text(member.Status, member.Status == "up" ? new Style(Color.Green) : new Style(Color.Yellow)),
                new Text(Screen.Duration(TimeSpan.FromSeconds(member.UptimeSeconds))),
                new Text(member.Version ?? ""));
        }
        screen.Write(table);
        screen.WriteLine($"{cluster.Members.Count} member(s); leader {cluster.Leader ?? "unknown"}");
    }
}
