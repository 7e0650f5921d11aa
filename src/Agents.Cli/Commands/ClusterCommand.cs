using System.CommandLine;
using Agents.Cli.Management;
using Agents.Cli.Rendering;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents cluster show [--json]</c>: the members of the cluster as the node sees them (<c>GET /api/cluster</c>);
/// <c>agents cluster tail [--json]</c>: the membership changes as they happen (<c>GET /api/cluster/stream</c>), one line each,
/// until Ctrl-C (exit code 0) or the node ends the stream: 0 when it ended after a member left (the node stopping), 1 otherwise.
/// </summary>
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
        return new Command("cluster", "inspect the cluster") { show, Tail(console, connection) };
    }

    private static Command Tail(AgentsConsole console, NodeConnection connection)
    {
        var json = new Option<bool>("--json") { Description = "print each change's JSON, one per line" };
        var tail = new Command("tail", "print membership changes as they happen (the members first), until Ctrl-C") { json };
        tail.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var asJson = result.GetValue(json);
            string? last = null;
            try
            {
                await foreach (var change in client.TailClusterAsync(cancellationToken).ConfigureAwait(false))
                {
                    var member = change.Member;
                    await console.Output.WriteLineAsync(asJson
                        ? change.Json
                        : $"{Screen.Time(change.At)}  {change.Type}  {member.Address}  {member.Status}" +
                          (member.Roles is { Count: > 0 } roles ? $"  {string.Join(",", roles)}" : "")).ConfigureAwait(false);
                    await console.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
                    last = change.Type;
                }
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException or HttpRequestException)
            {
                return 0;
            }
            return last == ClusterMemberEvent.MemberLeft
                ? 0
                : console.Fail($"the node at {client.Node.GetLeftPart(UriPartial.Authority)} ended the stream");
        }));
        return tail;
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
