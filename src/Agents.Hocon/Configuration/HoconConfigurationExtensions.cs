using Agents.Hocon.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds HOCON sources to a configuration builder, to layer with environment variables and command-line switches.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file. Relative paths are resolved by the builder's file provider (its base path).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file.</param>
    /// <param name="optional">When true, a missing file adds nothing instead of failing.</param>
    /// <param name="reloadOnChange">When true, the keys are reloaded when the file changes.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false) =>
        builder.AddHoconFile(provider: null, path, optional, reloadOnChange);

    /// <summary>Adds a HOCON file read through <paramref name="provider"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The file provider, or null for the builder's.</param>
    /// <param name="path">The file.</param>
    /// <param name="optional">When true, a missing file adds nothing instead of failing.</param>
    /// <param name="reloadOnChange">When true, the keys are reloaded when the file changes.</param>
    /// <param name="parseOptions">How to parse it; null for the defaults.</param>
    public static IConfigurationBuilder AddHoconFile(
        this IConfigurationBuilder builder, IFileProvider? provider, string path, bool optional, bool reloadOnChange, Agents.Hocon.HoconParseOptions? parseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add<HoconConfigurationSource>(source =>
        {
            source.FileProvider = provider;
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ParseOptions = parseOptions;
            source.ResolveFileProvider();
        });
    }

    /// <summary>Adds HOCON text, parsed and resolved now.</summary>
    /// <exception cref="Agents.Hocon.HoconException">The text is invalid.</exception>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHocon(Agents.Hocon.Config.Parse(text));
    }

    /// <summary>Adds an already parsed configuration; it is resolved with default options if it is not yet.</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, Agents.Hocon.Config config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new ParsedHoconConfigurationSource(config));
    }
}
