using Agents.Cli;

namespace Agents.Cli.Tests;

/// <summary>What one in-process run of the console printed and returned.</summary>
internal sealed record ConsoleRun(int ExitCode, string Output, string Error)
{
    public static async Task<ConsoleRun> Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new AgentsConsole(output, error).RunAsync(args);
        return new ConsoleRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs against <paramref name="node"/> with an empty environment (no AGENTS_NODE, no AGENTS_TOKEN).</summary>
    public static Task<ConsoleRun> Against(HttpMessageHandler? node, params string[] args) =>
        Against(node, new Dictionary<string, string>(), CancellationToken.None, args);

    public static async Task<ConsoleRun> Against(
        HttpMessageHandler? node, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new AgentsConsole(output, error)
        {
            Handler = node,
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
        };
        var code = await console.RunAsync(args, cancellationToken);
        return new ConsoleRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The lines printed on the error stream.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
