using System.Reflection;
using Agents.Hocon.Formats;
using Agents.Hocon.Parsing;
using Agents.Hocon.Resolution;

namespace Agents.Hocon;

/// <summary>
/// An immutable HOCON configuration: a root object with typed getters by path
/// (<c>agents.actor.throughput</c>, <c>a."b.c"</c>), Lightbend-style merging with
/// <see cref="WithFallback"/> and substitution resolution with <see cref="Resolve"/>.
/// </summary>
public sealed partial class Config
{
    private Config(HoconObject root) => Root = root;

    /// <summary>A configuration with no settings.</summary>
    public static Config Empty { get; } = new(new HoconObject(HoconSource.Fixed(new HoconOrigin("<empty config>", 0, 0)), 0, 0));

    /// <summary>The root object.</summary>
    public HoconObject Root { get; }

    /// <summary>True when no substitution is left to resolve.</summary>
    public bool IsResolved => Root.IsResolved;

    /// <summary>True when the configuration has no settings.</summary>
    public bool IsEmpty => Root.Count == 0;

    /// <summary>Wraps an object as a configuration.</summary>
    public static Config FromObject(HoconObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new Config(root);
    }

    /// <summary>
    /// Parses HOCON (or JSON) text. Relative includes are read from
    /// <see cref="HoconParseOptions.BaseDirectory"/>, or else looked up as classpath resources.
    /// </summary>
    /// <exception cref="HoconException">The text is invalid, its root is not an object, or a substitution cannot be resolved.</exception>
    public static Config Parse(string text, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= HoconParseOptions.Default;
        return FromRoot(ParseText(text, options.Origin, null, HoconSyntax.Hocon, options), options);
    }

    /// <summary>
    /// Parses a file: <c>.properties</c> as Java properties, anything else as HOCON. Relative includes
    /// are read from the file's directory.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HoconException">The content is invalid or cannot be resolved.</exception>
    public static Config ParseFile(string path, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= HoconParseOptions.Default;
        var fullPath = Path.GetFullPath(path);
        var text = File.ReadAllText(fullPath);
        var syntax = HoconIncludeResolver.SyntaxOf(fullPath) ?? HoconSyntax.Hocon;
        return FromRoot(ParseText(text, path, fullPath, syntax, options), options);
    }

    /// <summary>
    /// Parses an embedded resource, typically a library's <c>reference.conf</c>. The resource is found
    /// by logical name or by the end of its manifest name; includes inside it name resources next to it.
    /// </summary>
    /// <exception cref="FileNotFoundException">The assembly has no such resource.</exception>
    /// <exception cref="HoconException">The content is invalid or cannot be resolved.</exception>
    public static Config ParseResource(Assembly assembly, string resourceName, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        options ??= HoconParseOptions.Default;
        var name = resourceName.TrimStart('/');
        var text = HoconIncludeResolver.ReadResource(assembly, name) ?? throw new FileNotFoundException(
            $"assembly {assembly.GetName().Name} has no embedded resource named '{resourceName}' " +
            $"(it has: {string.Join(", ", assembly.GetManifestResourceNames())}); mark the file as <EmbeddedResource>",
            resourceName);
        if (!options.ResourceAssemblies.Contains(assembly))
        {
            options = options with { ResourceAssemblies = [assembly, .. options.ResourceAssemblies] };
        }
        var source = HoconIncludeResolver.ResourcePrefix + name;
        var syntax = HoconIncludeResolver.SyntaxOf(name) ?? HoconSyntax.Hocon;
        return FromRoot(ParseText(text, source, source, syntax, options), options);
    }

    /// <summary>
    /// Parses a document whose root may be an object or an array (a configuration needs an object;
    /// this is for HOCON used as a data format).
    /// </summary>
    public static HoconValue ParseValue(string text, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= HoconParseOptions.Default;
        return ParseText(text, options.Origin, null, HoconSyntax.Hocon, options);
    }

    internal static Config ParseSource(string text, string origin, string? source, HoconParseOptions options) =>
        FromRoot(ParseText(text, origin, source, HoconIncludeResolver.SyntaxOf(origin) ?? HoconSyntax.Hocon, options), options);

    private static HoconValue ParseText(string text, string origin, string? source, HoconSyntax syntax, HoconParseOptions options)
    {
        HoconValue root;
        if (syntax == HoconSyntax.Properties)
        {
            root = PropertiesParser.Parse(text, origin);
        }
        else
        {
            var session = new ParseSession(options, text.Length);
            if (source is not null)
            {
                session.OpenSources.Add(source);
            }
            root = HoconParser.ParseDocument(text, origin, source, session, [], 0);
        }
        return options.Resolve ? SubstitutionResolver.Resolve(root, ResolveOptionsOf(options), inPlace: true) : root;
    }

    private static Config FromRoot(HoconValue root, HoconParseOptions options) => root as HoconObject is { } obj
        ? new Config(obj)
        : throw new HoconException(root.Origin,
            $"the root of a configuration must be an object, not {(root is HoconArray ? "an array" : root.Type.ToString().ToLowerInvariant())}; use Config.ParseValue to read other documents");

    private static HoconResolveOptions ResolveOptionsOf(HoconParseOptions options) => new()
    {
        UseEnvironmentVariables = options.UseEnvironmentVariables,
        EnvironmentLookup = options.EnvironmentLookup,
        MaxDepth = options.MaxDepth,
    };

    /// <summary>
    /// Resolves every substitution. Unset paths fall back to environment variables unless
    /// <see cref="HoconResolveOptions.UseEnvironmentVariables"/> is off.
    /// </summary>
    /// <exception cref="HoconException">A required substitution is not set, or substitutions form a cycle.</exception>
    public Config Resolve(HoconResolveOptions? options = null)
    {
        if (IsResolved)
        {
            return this;
        }
        return new Config((HoconObject)SubstitutionResolver.Resolve(Root, options ?? HoconResolveOptions.Default));
    }

    /// <summary>
    /// Merges this configuration over <paramref name="fallback"/> with HOCON's duplicate-key rules:
    /// settings of this configuration win, objects merge key by key. Merge unresolved configurations
    /// and resolve the result, so that substitutions in the fallback see this configuration's values.
    /// </summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (fallback.IsEmpty)
        {
            return this;
        }
        return IsEmpty ? fallback : new Config((HoconObject)ValueMerge.Merge(Root, fallback.Root));
    }

    /// <summary>Renders the configuration as readable HOCON that parses back to an equal configuration.</summary>
    public string ToHocon() => Root.ToHocon();

    /// <summary>Renders the configuration as JSON; it must be resolved.</summary>
    /// <param name="indented">True for one field per line with two-space indentation.</param>
    public string ToJson(bool indented = true) => Root.ToJson(indented);

    /// <summary>Renders the configuration as HOCON.</summary>
    public override string ToString() => ToHocon();
}
