namespace Agents.Hocon;

/// <summary>How <see cref="Config.Resolve"/> resolves substitutions.</summary>
public sealed record HoconResolveOptions
{
    /// <summary>The options used when none are given.</summary>
    public static HoconResolveOptions Default { get; } = new();

    /// <summary>
    /// Look up substitutions that the configuration does not set in the environment (default true).
    /// A path set to <c>null</c> in the configuration is never looked up.
    /// </summary>
    public bool UseEnvironmentVariables { get; init; } = true;

    /// <summary>Reads an environment variable; replace it in tests so they never touch the real environment.</summary>
    public Func<string, string?> EnvironmentLookup { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// Longest chain of substitutions followed while resolving one value (default 512); a longer chain
    /// is an error rather than a risk to the stack.
    /// </summary>
    public int MaxDepth { get; init; } = 512;
}
