using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json;
using Agents.Hocon;
using Microsoft.Extensions.Configuration;

namespace Agents.Node.Configuration;

/// <summary>
/// Layers a node's configuration the .NET way — the HOCON file, then environment variables, then
/// command-line switches — and turns the merged result back into a HOCON <see cref="Config"/> for the
/// libraries that read HOCON (the actor system, the PostgreSQL store).
/// </summary>
public static partial class NodeConfiguration
{
    /// <summary>The short command-line switches and the settings they set.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--name"] = "agents:node:name",
        ["--data-dir"] = "agents:node:data-dir",
        ["--host"] = "agents:node:management:host",
        ["--port"] = "agents:node:management:port",
        ["--token"] = "agents:node:management:token",
        ["--pg"] = "agents:persistence:postgresql:connection-string",
        ["--config"] = "agents:node:config-file",
    };

    /// <summary>The configuration file that <paramref name="sources"/> selects (see <see cref="NodeConfigurationSources.ConfigFile"/>).</summary>
    /// <exception cref="FileNotFoundException">The file named by <c>--config</c> or <c>AGENTS_CONFIG</c> does not exist.</exception>
    public static string FindConfigFile(NodeConfigurationSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var named = sources.ConfigFile ?? SwitchValue(sources.Args, "--config") ?? sources.GetEnvironmentVariable("AGENTS_CONFIG");
        if (named is not null)
        {
            var path = Path.GetFullPath(named);
            return File.Exists(path) ? path : throw new FileNotFoundException(
                $"The node's configuration file '{path}' (from --config or AGENTS_CONFIG) does not exist; name an existing HOCON file, " +
                "or leave both unset to use hocon/node.conf.", path);
        }

        var inRepository = Path.GetFullPath(Path.Combine("hocon", "node.conf"));
        return File.Exists(inRepository) ? inRepository : Path.Combine(AppContext.BaseDirectory, "node.conf");
    }

    /// <summary>Adds the three layers to <paramref name="builder"/>.</summary>
    /// <returns><paramref name="builder"/>.</returns>
    public static IConfigurationBuilder AddNodeConfiguration(this IConfigurationBuilder builder, NodeConfigurationSources sources)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sources);
        var file = FindConfigFile(sources);
        builder.AddHoconFile(provider: null, file, optional: false, reloadOnChange: false,
            HoconParseOptions.Default with { EnvironmentLookup = sources.GetEnvironmentVariable });
        if (sources.Environment is null)
        {
            builder.AddEnvironmentVariables();
        }
        else
        {
            builder.AddInMemoryCollection(sources.Environment
                .Where(variable => variable.Key.Contains("__", StringComparison.Ordinal))
                .Select(variable => KeyValuePair.Create(variable.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), (string?)variable.Value)));
        }

        return builder.AddCommandLine([.. sources.Args], SwitchMappings.ToDictionary());
    }

    /// <summary>
    /// The <c>agents</c> section of <paramref name="configuration"/> as HOCON. The configuration layers hold every
    /// value as text and every list as keys <c>0</c>, <c>1</c>, ...; the result has them back as HOCON lists, and
    /// values written like JSON numbers or <c>true</c>/<c>false</c> as such, so that an agent's <c>settings</c> reach
    /// it as the JSON the file shows (<c>epochs = 60</c> as a number, <c>values = [32, 64]</c> as an array). HOCON
    /// getters read numbers, durations and booleans from either form; errors of a value name its path.
    /// </summary>
    public static Config ToHocon(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var agents = configuration.GetSection("agents");
            if (HasContent(agents))
            {
                writer.WritePropertyName(agents.Key);
                WriteSection(writer, agents);
            }

            writer.WriteEndObject();
        }

        return Config.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan), HoconParseOptions.Default with
        {
            UseEnvironmentVariables = false,
            Origin = "node configuration (HOCON file, environment, switches)",
        });
    }

    private static void WriteSection(Utf8JsonWriter writer, IConfigurationSection section)
    {
        var children = section.GetChildren().Where(HasContent).ToList();
        if (children.Count == 0)
        {
            WriteScalar(writer, section.Value);
        }
        else if (IsList(children))
        {
            writer.WriteStartArray();
            foreach (var child in children.OrderBy(child => int.Parse(child.Key, CultureInfo.InvariantCulture)))
            {
                WriteSection(writer, child);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStartObject();
            foreach (var child in children)
            {
                writer.WritePropertyName(child.Key);
                WriteSection(writer, child);
            }

            writer.WriteEndObject();
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, string? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case "true" or "false":
                writer.WriteBooleanValue(value == "true");
                break;
            case var number when JsonNumber().IsMatch(number):
                writer.WriteRawValue(number);
                break;
            default:
                writer.WriteStringValue(value);
                break;
        }
    }

    /// <summary>Whether the keys are exactly 0, 1, ..., n-1: a list flattened by the configuration layers.</summary>
    private static bool IsList(List<IConfigurationSection> children)
    {
        var indexes = new HashSet<int>();
        foreach (var child in children)
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= children.Count
                || child.Key != index.ToString(CultureInfo.InvariantCulture) || !indexes.Add(index))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An empty list or object is a key without value and children: it is left out, so its default applies.</summary>
    private static bool HasContent(IConfigurationSection section) => section.Value is not null || section.GetChildren().Any();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    private static string? SwitchValue(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
