using System.Reflection;

namespace Agents.Hocon;

/// <summary>How <see cref="Config"/> parses text, files and resources.</summary>
public sealed record HoconParseOptions
{
    /// <summary>The options used when none are given.</summary>
    public static HoconParseOptions Default { get; } = new();

    /// <summary>
    /// Resolve substitutions right after parsing (default true). Turn it off to combine several
    /// configurations first: <c>app.WithFallback(reference).Resolve()</c> lets substitutions in the
    /// fallback see values of the application configuration.
    /// </summary>
    public bool Resolve { get; init; } = true;

    /// <summary>
    /// When resolving, look up substitutions that the configuration does not set in the environment
    /// (default true). A path set to <c>null</c> in the configuration is never looked up.
    /// </summary>
    public bool UseEnvironmentVariables { get; init; } = true;

    /// <summary>Reads an environment variable; replace it in tests so they never touch the real environment.</summary>
    public Func<string, string?> EnvironmentLookup { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// Finds included files and resources. The default, <see cref="HoconIncludeResolver"/>, reads files
    /// relative to the including file, embedded resources of <see cref="ResourceAssemblies"/> and
    /// <c>file:</c> URLs.
    /// </summary>
    public IHoconIncludeResolver? IncludeResolver { get; init; }

    /// <summary>Assemblies searched, in order, for embedded resources named by <c>include classpath("...")</c>.</summary>
    public IReadOnlyList<Assembly> ResourceAssemblies { get; init; } = [];

    /// <summary>
    /// Directory that relative includes in text parsed with <see cref="Config.Parse"/> are read from.
    /// When null, such includes are looked up as classpath resources; the working directory is never used.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Deepest nesting of objects and arrays accepted (default 512); deeper input is an error rather
    /// than a risk to the stack. Includes count towards it.
    /// </summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>Name used in positions and errors for text parsed with <see cref="Config.Parse"/> (default <c>&lt;string&gt;</c>).</summary>
    public string Origin { get; init; } = "<string>";
}
