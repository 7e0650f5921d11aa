namespace Agents.Node.Configuration;

/// <summary>Where a node's configuration comes from: the HOCON file, the environment and the command line.</summary>
public sealed record NodeConfigurationSources
{
    /// <summary>The command-line switches (see <see cref="NodeConfiguration.SwitchMappings"/>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>
    /// The HOCON file. When null: the file named by <c>--config</c>, else <c>AGENTS_CONFIG</c>, else
    /// <c>hocon/node.conf</c> in the working directory, else the <c>node.conf</c> copied beside the executable.
    /// </summary>
    public string? ConfigFile { get; init; }

    /// <summary>
    /// The environment variables, for both the <c>${?NAME}</c> substitutions of the file and the .NET
    /// environment layer (<c>AGENTS__NODE__NAME</c>). When null, the process environment. Tests pass their own
    /// instead of changing the process's.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Reads one variable from <see cref="Environment"/>, or from the process environment when it is null.</summary>
    public string? GetEnvironmentVariable(string name) =>
        Environment is null ? System.Environment.GetEnvironmentVariable(name)
        : Environment.TryGetValue(name, out var value) ? value : null;
}
