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
}
