using System.Reflection;

namespace Agents.Hocon;

/// <summary>
/// The default include resolver. <c>include "x"</c> reads <c>x</c> relative to the directory of the
/// including file (never the working directory), falling back to a classpath resource; inside an
/// embedded resource it names a resource next to it. <c>file("x")</c> uses the path as given.
/// <c>classpath("x")</c> reads embedded resources of <see cref="HoconParseOptions.ResourceAssemblies"/>,
/// then files under <see cref="AppContext.BaseDirectory"/>. <c>url("x")</c> supports only <c>file:</c>
/// URLs. A name without one of the extensions <c>.conf</c>, <c>.json</c>, <c>.properties</c> loads all
/// three that exist, in that order of precedence (<c>.conf</c> wins).
/// </summary>
public sealed class HoconIncludeResolver : IHoconIncludeResolver
{
    /// <summary>Prefix of the source names of embedded resources.</summary>
    public const string ResourcePrefix = "resource:";

    private static readonly string[] ProbeExtensions = [".properties", ".json", ".conf"];

    /// <summary>The shared instance; it holds no state.</summary>
    public static HoconIncludeResolver Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<HoconIncludeSource> Resolve(HoconIncludeRequest request, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var name = request.Name;
        switch (request.Kind)
        {
            case HoconIncludeKind.Url:
                return FromUrl(request);
            case HoconIncludeKind.File:
                return FromFiles(Path.GetFullPath(name), request);
            case HoconIncludeKind.Classpath:
                return FromClasspath(name.TrimStart('/'), request, options);
        }
        if (LooksLikeUrl(name))
        {
            return FromUrl(request);
        }
        var including = request.IncludingSource;
        if (including is not null && including.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        {
            return FromClasspath(RelativeResourceName(including[ResourcePrefix.Length..], name), request, options);
        }
        var directory = including is not null ? Path.GetDirectoryName(including) : options.BaseDirectory;
        if (directory is not null || Path.IsPathRooted(name))
        {
            var path = Path.IsPathRooted(name) ? name : Path.GetFullPath(Path.Combine(directory!, name));
            var files = FromFiles(path, request);
            if (files.Count > 0)
            {
                return files;
            }
        }
        return FromClasspath(name.TrimStart('/'), request, options);
    }

    private static bool LooksLikeUrl(string name) =>
        Uri.TryCreate(name, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1 && name.Contains("://", StringComparison.Ordinal) ||
        name.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<HoconIncludeSource> FromUrl(HoconIncludeRequest request)
    {
        if (Uri.TryCreate(request.Name, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            var path = uri.LocalPath;
            return File.Exists(path) ? [Read(path, SyntaxOf(path) ?? HoconSyntax.Hocon, request)] : [];
        }
        if (request.Required)
        {
            throw new HoconException(request.Origin,
                $"cannot include url(\"{request.Name}\"): only file: URLs are supported; download it and include the file instead");
        }
        return [];
    }

    private static List<HoconIncludeSource> FromFiles(string path, HoconIncludeRequest request)
    {
        var found = new List<HoconIncludeSource>();
        var syntax = SyntaxOf(path);
        if (syntax is not null)
        {
            if (File.Exists(path))
            {
                found.Add(Read(path, syntax.Value, request));
            }
            return found;
        }
        foreach (var extension in ProbeExtensions)
        {
            var candidate = path + extension;
            if (File.Exists(candidate))
            {
                found.Add(Read(candidate, SyntaxOf(candidate)!.Value, request));
            }
        }
        return found;
    }

    private static List<HoconIncludeSource> FromClasspath(string name, HoconIncludeRequest request, HoconParseOptions options)
    {
        var names = SyntaxOf(name) is not null ? [name] : ProbeExtensions.Select(e => name + e).ToArray();
        var found = new List<HoconIncludeSource>();
        foreach (var candidate in names)
        {
            var syntax = SyntaxOf(candidate)!.Value;
            var fromResources = false;
            foreach (var assembly in options.ResourceAssemblies)
            {
                var text = ReadResource(assembly, candidate);
                if (text is not null)
                {
                    found.Add(new HoconIncludeSource(ResourcePrefix + candidate, text, syntax));
                    fromResources = true;
                }
            }
            if (!fromResources)
            {
                var file = Path.Combine(AppContext.BaseDirectory, candidate);
                if (File.Exists(file))
                {
                    found.Add(Read(file, syntax, request));
                }
            }
        }
        return found;
    }

    /// <summary>
    /// Reads an embedded resource by logical name (<c>reference.conf</c>), by manifest name, or by a
    /// manifest name ending with the dotted form of the path (<c>My.Assembly.conf.reference.conf</c>).
    /// </summary>
    internal static string? ReadResource(Assembly assembly, string name)
    {
        var dotted = name.Replace('/', '.');
        string? match = null;
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource == name || resource == dotted)
            {
                match = resource;
                break;
            }
            if (match is null && resource.EndsWith("." + dotted, StringComparison.Ordinal))
            {
                match = resource;
            }
        }
        if (match is null)
        {
            return null;
        }
        using var stream = assembly.GetManifestResourceStream(match);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string RelativeResourceName(string including, string name)
    {
        if (name.StartsWith('/'))
        {
            return name[1..];
        }
        var slash = including.LastIndexOf('/');
        return slash < 0 ? name : including[..(slash + 1)] + name;
    }

    internal static HoconSyntax? SyntaxOf(string path)
    {
        if (path.EndsWith(".conf", StringComparison.OrdinalIgnoreCase))
        {
            return HoconSyntax.Hocon;
        }
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return HoconSyntax.Json;
        }
        if (path.EndsWith(".properties", StringComparison.OrdinalIgnoreCase))
        {
            return HoconSyntax.Properties;
        }
        return null;
    }

    private static HoconIncludeSource Read(string path, HoconSyntax syntax, HoconIncludeRequest request)
    {
        try
        {
            return new HoconIncludeSource(path, File.ReadAllText(path), syntax);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(request.Origin, $"cannot read included file '{path}': {e.Message}", e);
        }
    }
}
