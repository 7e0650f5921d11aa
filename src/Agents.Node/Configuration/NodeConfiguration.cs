using System.Text;
using System.Text.Json;
using Agents.Hocon;
using Microsoft.Extensions.Configuration;

namespace Agents.Node.Configuration;

/// <summary>
/// Layers a node's configuration the .NET way — the HOCON file, then environment variables, then
/// command-line switches — and turns the merged result back into a HOCON <see cref="Config"/> for the
/// libraries that read HOCON (the actor system, the PostgreSQL store).
/// </summary>
public static class NodeConfiguration
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
    /// The <c>agents</c> section of <paramref name="configuration"/> as HOCON, every value a string (HOCON
    /// getters read numbers, durations and booleans from strings). Errors of a value then name its path.
    /// </summary>
    public static Config ToHocon(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = new StringBuilder();
        foreach (var (key, value) in configuration.GetSection("agents").AsEnumerable().OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (value is null)
            {
                continue;
            }

            text.AppendJoin('.', key.Split(ConfigurationPath.KeyDelimiter).Select(part => JsonSerializer.Serialize(part)))
                .Append(" = ").AppendLine(JsonSerializer.Serialize(value));
        }

        return Config.Parse(text.ToString(), HoconParseOptions.Default with
        {
            UseEnvironmentVariables = false,
            Origin = "node configuration (HOCON file, environment, switches)",
        });
    }

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
