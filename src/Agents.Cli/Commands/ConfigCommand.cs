using System.CommandLine;
using Agents.Hocon;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents config show [--file F]... [--path P] [--json] [--no-env]</c>: prints the merged,
/// resolved configuration an operator is about to start a node with.
/// </summary>
internal static class ConfigCommand
{
    /// <summary>The configuration a node reads when no file is named.</summary>
    internal const string DefaultFile = "hocon/node.conf";

    public static Command Create(AgentsConsole console)
    {
        var files = new Option<string[]>("--file", "-f")
        {
            Description = $"HOCON file to read; repeat to layer files, later ones win (default: {DefaultFile})",
            AllowMultipleArgumentsPerToken = false,
        };
        var path = new Option<string?>("--path", "-p")
        {
            Description = "print only the value at this path, e.g. agents.actor",
        };
        var json = new Option<bool>("--json") { Description = "print JSON instead of HOCON" };
        var noEnv = new Option<bool>("--no-env")
        {
            Description = "do not fall back to environment variables when resolving ${...} substitutions",
        };

        var show = new Command("show", "print the merged, resolved configuration") { files, path, json, noEnv };
        show.SetAction(result => Show(
            console,
            result.GetValue(files) ?? [],
            result.GetValue(path),
            result.GetValue(json),
            !result.GetValue(noEnv)));

        return new Command("config", "inspect configuration") { show };
    }

    private static int Show(AgentsConsole console, string[] files, string? path, bool json, bool useEnvironment)
    {
        if (files.Length == 0)
        {
            if (!File.Exists(DefaultFile))
            {
                return console.Fail($"no configuration file given and '{DefaultFile}' does not exist here; name one with --file");
            }
            files = [DefaultFile];
        }

        Config merged;
        try
        {
            merged = Layer(files, useEnvironment);
        }
        catch (HoconException e)
        {
            return console.Fail(e.Message);
        }
        catch (IOException e)
        {
            return console.Fail(e.Message);
        }

        if (path is not null)
        {
            if (!merged.HasPath(path))
            {
                return console.Fail($"path '{path}' is not set in {string.Join(", ", files)}");
            }
            var value = merged.GetValue(path);
            console.Output.WriteLine(json ? value.ToJson() : value.ToHocon());
            return 0;
        }
        console.Output.WriteLine(json ? merged.ToJson() : merged.ToHocon());
        return 0;
    }

    private static Config Layer(string[] files, bool useEnvironment)
    {
        var parseOptions = new HoconParseOptions { Resolve = false };
        Config? merged = null;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file}: no such file");
            }
            var layer = Config.ParseFile(file, parseOptions);
            merged = merged is null ? layer : layer.WithFallback(merged);
        }
        return merged!.Resolve(new HoconResolveOptions { UseEnvironmentVariables = useEnvironment });
    }
}
