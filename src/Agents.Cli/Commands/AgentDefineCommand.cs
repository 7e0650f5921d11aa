using System.CommandLine;
using System.Text;
using System.Text.Json;
using Agents.Cli.Management;
using Agents.Hocon;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents agent define --file FILE</c> (a definition in JSON, or in HOCON with the same fields in a <c>.conf</c> file) or
/// <c>agents agent define --id ID --type T [--inactive] [--capability C]... [--subscribe P]... [--publish P]... [--priority N]
/// [--setting k=v]...</c>: defines an agent with <c>POST /api/agents</c> (needs the token). The node checks the definition and
/// names the field that is wrong.
/// </summary>
internal static class AgentDefineCommand
{
    public static Command Create(AgentsConsole console, NodeConnection connection)
    {
        var file = new Option<string?>("--file", "-f")
        {
            Description = "the definition: a .json file, or a .conf file in HOCON with the same fields (id, type, subscribes, schedules, ...)",
            HelpName = "FILE",
        };
        var id = new Option<string?>("--id") { Description = "the agent's id (without --file)", HelpName = "ID" };
        var type = new Option<string?>("--type", "-t") { Description = "the agent type that runs it (without --file)", HelpName = "TYPE" };
        var inactive = new Option<bool>("--inactive") { Description = "define it as a slot that does not run until activated" };
        var capabilities = new Option<string[]>("--capability") { Description = "a capability; repeat for more", HelpName = "C" };
        var subscribes = new Option<string[]>("--subscribe") { Description = "a topic pattern it receives, e.g. training.#; repeat for more", HelpName = "P" };
        var subscribeFrom = new Option<string?>("--subscribe-from")
        {
            Description = "where its subscription begins the first time it runs: beginning (default: also what was published before) or end",
            HelpName = "WHERE",
        };
        subscribeFrom.AcceptOnlyFromAmong("beginning", "end");
        var publishes = new Option<string[]>("--publish") { Description = "a topic it publishes on; repeat for more", HelpName = "P" };
        var priority = new Option<int?>("--priority") { Description = "higher starts first (default 0)", HelpName = "N" };
        var settings = new Option<string[]>("--setting")
        {
            Description = "a setting of its type as key=value (the value is read as JSON when it is JSON, else as text); repeat for more",
            HelpName = "K=V",
        };
        var json = new Option<bool>("--json") { Description = "print the node's JSON" };
        var define = new Command("define", "define an agent from a file or from options (needs the token)")
        {
            file, id, type, inactive, capabilities, subscribes, subscribeFrom, publishes, priority, settings, json,
        };
        Option[] fields = [id, type, inactive, capabilities, subscribes, subscribeFrom, publishes, priority, settings];
        define.Validators.Add(result =>
        {
            var given = fields.Where(option => result.GetResult(option) is { Implicit: false }).Select(option => option.Name).ToList();
            if (result.GetResult(file) is { Implicit: false })
            {
                if (given.Count > 0)
                {
                    result.AddError($"--file cannot be combined with {string.Join(", ", given)}; put those fields in the file");
                }
            }
            else if (result.GetResult(id) is null || result.GetResult(type) is null)
            {
                result.AddError("give the definition with --file FILE, or with --id ID and --type TYPE");
            }
        });
        define.SetAction((result, cancellationToken) => connection.RunAsync(result, cancellationToken, async client =>
        {
            string body;
            if (result.GetValue(file) is { } path)
            {
                if (Read(path, out body) is { } failure)
                {
                    return console.Fail(failure);
                }
            }
            else
            {
                var pairs = new List<(string Key, string Value)>();
                foreach (var setting in result.GetValue(settings) ?? [])
                {
                    var equals = setting.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        return console.Fail($"--setting '{setting}' is not key=value; e.g. --setting threshold=0.9");
                    }
                    pairs.Add((setting[..equals].Trim(), setting[(equals + 1)..]));
                }
                body = FromOptions(
                    result.GetValue(id)!, result.GetValue(type)!, !result.GetValue(inactive), result.GetValue(capabilities) ?? [],
                    result.GetValue(subscribes) ?? [], result.GetValue(subscribeFrom), result.GetValue(publishes) ?? [], result.GetValue(priority), pairs);
            }

            var reply = await client.DefineAgentAsync(body, cancellationToken).ConfigureAwait(false);
            var agent = reply.Value;
            await console.Output.WriteLineAsync(result.GetValue(json)
                ? reply.Json
                : $"defined {agent.Definition.Id} ({agent.Definition.Type}): {agent.Status}").ConfigureAwait(false);
            return 0;
        }));
        return define;
    }

    /// <summary>Reads a definition file as JSON; the reason it cannot, or null.</summary>
    internal static string? Read(string path, out string json)
    {
        json = "";
        if (!File.Exists(path))
        {
            return $"--file {path}: no such file";
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            switch (extension)
            {
                case ".json":
                    json = File.ReadAllText(path);
                    using (var document = JsonDocument.Parse(json))
                    {
                        if (document.RootElement.ValueKind != JsonValueKind.Object)
                        {
                            return $"--file {path}: the definition is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}; give an object with id, type, ...";
                        }
                    }
                    return null;
                case ".conf" or ".hocon":
                    json = Config.ParseFile(path).ToJson(indented: false);
                    return null;
                default:
                    return $"--file {path}: give a .json file, or a .conf file in HOCON";
            }
        }
        catch (JsonException e)
        {
            return $"--file {path} is not JSON: {e.Message}";
        }
        catch (HoconException e)
        {
            return e.Message;
        }
        catch (IOException e)
        {
            return $"--file {path}: {e.Message}";
        }
    }

    /// <summary>The JSON definition the options describe.</summary>
    internal static string FromOptions(
        string id, string type, bool active, IReadOnlyList<string> capabilities, IReadOnlyList<string> subscribes, string? subscribeFrom,
        IReadOnlyList<string> publishes, int? priority, IReadOnlyList<(string Key, string Value)> settings)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", type);
            writer.WriteBoolean("active", active);
            WriteList(writer, "capabilities", capabilities);
            WriteList(writer, "subscribes", subscribes);
            if (subscribeFrom is not null)
            {
                writer.WriteString("subscribeFrom", subscribeFrom);
            }
            WriteList(writer, "publishes", publishes);
            if (priority is { } value)
            {
                writer.WriteNumber("priority", value);
            }
            if (settings.Count > 0)
            {
                writer.WriteStartObject("settings");
                foreach (var (key, text) in settings)
                {
                    writer.WritePropertyName(key);
                    WriteSetting(writer, text);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }

    /// <summary>A setting's value: JSON when it is JSON (<c>0.9</c>, <c>true</c>, <c>[1,2]</c>), otherwise the text itself.</summary>
    private static void WriteSetting(Utf8JsonWriter writer, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            document.RootElement.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(text);
        }
    }
}
