using System.CommandLine;
using System.Text.Json;
using Agents.Cli.Management;
using Agents.Cli.Rendering;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents actor hierarchy [--path P] [--depth D] [--json]</c> (<c>GET /api/actors</c>, cut on this side) and
/// <c>agents actor stop PATH [--json]</c> (<c>DELETE /api/actors/user/...</c>, needs the token).
/// </summary>
internal static class ActorCommand
{
    public static Command Create(AgentsConsole console, NodeConnection connection) =>
        new("actor", "inspect and stop actors") { Hierarchy(console, connection), Stop(console, connection) };

    private static Command Hierarchy(AgentsConsole console, NodeConnection connection)
    {
        var path = new Option<string?>("--path", "-p") { Description = "show only the subtree at this path, e.g. /user/orders", HelpName = "PATH" };
        var depth = new Option<int?>("--depth", "-d") { Description = "show this many levels below the top (default: all)", HelpName = "D" };
        var json = new Option<bool>("--json") { Description = "print the (cut) tree as JSON" };
        var hierarchy = new Command("hierarchy", "the actor tree under /user and /system") { path, depth, json };
        hierarchy.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var maxDepth = result.GetValue(depth);
            if (maxDepth is < 0)
            {
                return console.Fail($"--depth {maxDepth} is negative; give 0 for the top only, 1 for its children, ...");
            }

            var tree = (await client.GetActorsAsync(cancellationToken).ConfigureAwait(false)).Value;
            var roots = tree.Roots;
            if (result.GetValue(path) is { } wanted)
            {
                var normalized = "/" + wanted.Trim().Trim('/');
                if (Find(roots, normalized) is not { } found)
                {
                    return console.Fail($"there is no actor at '{normalized}' in {tree.System}; 'agents actor hierarchy' lists them");
                }
                roots = [found];
            }
            roots = [.. roots.Select(root => Cut(root, maxDepth))];

            if (result.GetValue(json))
            {
                var shaped = result.GetValue(path) is null ? (object)(tree with { Roots = roots }) : roots[0];
                await console.Output.WriteLineAsync(JsonSerializer.Serialize(shaped, ManagementClient.Json)).ConfigureAwait(false);
                return 0;
            }

            var screen = Screen.For(console.Output);
            var rendered = new Tree(new Text($"{tree.System} ({tree.Address})"));
            foreach (var root in roots)
            {
                Add(rendered.AddNode(Label(root)), root);
            }
            screen.Write(rendered);
            return 0;
        }));
        return hierarchy;
    }

    private static Command Stop(AgentsConsole console, NodeConnection connection)
    {
        var path = new Argument<string>("PATH") { Description = "the actor to stop, under /user, e.g. /user/orders/order-1" };
        var json = new Option<bool>("--json") { Description = "print the node's JSON" };
        var stop = new Command("stop", "stop an actor under /user and its children (needs the token)") { path, json };
        stop.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            var target = "/" + result.GetValue(path)!.Trim().Trim('/');
            var reply = await client.StopActorAsync(target, cancellationToken).ConfigureAwait(false);
            await console.Output.WriteLineAsync(result.GetValue(json) ? reply.Json : $"stopping {reply.Value.Path}").ConfigureAwait(false);
            return 0;
        }));
        return stop;
    }

    private static ActorNode? Find(IEnumerable<ActorNode> nodes, string path)
    {
        foreach (var node in nodes)
        {
            if (node.Path == path)
            {
                return node;
            }
            if (path.StartsWith(node.Path + "/", StringComparison.Ordinal) && Find(node.Descendants, path) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static ActorNode Cut(ActorNode node, int? depth) => depth switch
    {
        null => node,
        0 => node with { Children = [] },
        _ => node with { Children = [.. node.Descendants.Select(child => Cut(child, depth - 1))] },
    };

    private static void Add(TreeNode parent, ActorNode node)
    {
        foreach (var child in node.Descendants)
        {
            Add(parent.AddNode(new Text(child.Name)), child);
        }
    }

    /// <summary>The top nodes show their whole path (what <c>actor stop</c> takes); the others their name.</summary>
    private static Text Label(ActorNode node) => new(node.Path);
}
