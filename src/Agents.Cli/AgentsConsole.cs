using System.CommandLine;
using Agents.Cli.Commands;

namespace Agents.Cli;

/// <summary>
/// The <c>agents</c> cluster console: parses a command line and runs it against the given output
/// streams, so that it runs the same from a terminal and from tests.
/// </summary>
/// <remarks>
/// Exit codes: 0 on success, 1 when the command failed (bad configuration, node unreachable),
/// 2 when the command line itself is wrong. Failures print one line on the error stream.
/// </remarks>
public sealed class AgentsConsole(TextWriter output, TextWriter error)
{
    /// <summary>Where results go (stdout).</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Where failures go (stderr).</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("agents: the console of the Agents platform")
        {
            ConfigCommand.Create(this),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await Error.WriteLineAsync($"agents: {parseError.Message}");
            }
            await Error.WriteLineAsync("Run 'agents --help' for usage.");
            return 2;
        }
        var invocation = new InvocationConfiguration { Output = Output, Error = Error };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>Prints a one-line failure and returns exit code 1.</summary>
    internal int Fail(string message)
    {
        Error.WriteLine($"agents: {message}");
        return 1;
    }
}
