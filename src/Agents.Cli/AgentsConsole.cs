using System.CommandLine;
using Agents.Cli.Commands;
using Agents.Cli.Management;

namespace Agents.Cli;

/// <summary>
/// The <c>agents</c> cluster console: parses a command line and runs it against the given output
/// streams, so that it runs the same from a terminal and from tests.
/// </summary>
/// <remarks>
/// Exit codes: 0 on success, 1 when the command failed (bad configuration, node unreachable, request refused,
/// invalid value), 2 when the command line itself is wrong. Failures print one line on the error stream.
/// </remarks>
public sealed class AgentsConsole(TextWriter output, TextWriter error)
{
    /// <summary>Where results go (stdout).</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Where failures go (stderr).</summary>
    public TextWriter Error { get; } = error;

    /// <summary>The transport for requests to the node; null uses sockets. Tests put a stub here.</summary>
    /// <value>Default: null.</value>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Reads an environment variable (<c>AGENTS_NODE</c>, <c>AGENTS_TOKEN</c>); tests replace the process environment with their own.</summary>
    /// <value>Default: <see cref="System.Environment.GetEnvironmentVariable(string)"/>.</value>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var connection = new NodeConnection(this);
        var root = new RootCommand("agents: the console of the Agents platform")
        {
            connection.Node,
            connection.Token,
            connection.Timeout,
            ConfigCommand.Create(this),
            ClusterCommand.Create(this, connection),
            NodeCommand.Create(this, connection),
            ActorCommand.Create(this, connection),
            JournalCommand.Create(this, connection),
            TopicCommand.Create(this, connection),
            AgentCommand.Create(this, connection),
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
        // Program.cs turns Ctrl-C into cancellationToken; System.CommandLine's own handler would race it for the exit code.
        var invocation = new InvocationConfiguration { Output = Output, Error = Error, ProcessTerminationTimeout = null };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>Prints a one-line failure and returns exit code 1.</summary>
    internal int Fail(string message)
    {
        Error.WriteLine($"agents: {message}");
        return 1;
    }
}
