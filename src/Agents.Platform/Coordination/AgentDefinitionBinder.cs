using System.Text;
using System.Text.Json;
using Agents.Hocon;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using static Agents.Hocon.HoconSetting;

namespace Agents.Platform.Coordination;

/// <summary>
/// Reads <c>agents.definitions</c> (already merged over the reference defaults) into validated agent definitions.
/// Every problem, of form (a string where a list belongs) or of meaning (an unregistered type, a bad topic pattern),
/// is a <see cref="HoconException"/> located at the value and naming its path, e.g.
/// <c>app.conf:4:14: agents.definitions.monitor-1.type: 'x' is not a registered agent type (registered: recorder).</c>
/// </summary>
internal static class AgentDefinitionBinder
{
    private const string Section = "agents.definitions";

    private static readonly string[] Keys =
        ["type", "active", "capabilities", "subscribes", "subscribe-from", "publishes", "priority", "limits", "schedules", "heartbeat", "settings"];

    private static readonly string[] LimitKeys = ["mailbox-capacity", "max-concurrent-actions"];
    private static readonly string[] ScheduleKeys = ["name", "every", "every-events", "topic"];
    private static readonly string[] HeartbeatKeys = ["interval", "timeout"];

    public static IReadOnlyList<AgentDefinition> Bind(Config config, AgentTypeRegistry types)
    {
        if (config.GetValue(Section) is not HoconObject section)
        {
            throw Invalid(config.GetValue(Section), Section, "it must be an object of agent definitions by id",
                $"{Section} {{ monitor-1 {{ type = \"recorder\" }} }}");
        }
        var definitions = new List<AgentDefinition>(section.Count);
        foreach (var (id, value) in section)
        {
            definitions.Add(BindOne(id, value, types));
        }
        return definitions;
    }

    private static AgentDefinition BindOne(string id, HoconValue value, AgentTypeRegistry types)
    {
        var path = EntryPath(Section, id);
        if (value is not HoconObject entry)
        {
            throw Invalid(value, path, "it must be an object, the agent's definition", $"{path} {{ type = \"recorder\" }}");
        }
        RejectUnknownKeys(entry, path, Keys);
        var fields = Config.FromObject(entry);
        if (!entry.TryGetValue("type", out var typeValue) || typeValue is HoconNull)
        {
            throw new HoconException(entry.Origin,
                $"{path}.type: the agent has no type; name a registered agent type ({Registered(types)}). Fix: {path}.type = \"{types.Names.FirstOrDefault() ?? "recorder"}\"");
        }
        var definition = new AgentDefinition(
            id,
            Read(fields, "type", path, (c, k) => c.GetString(k), "it must be the name of a registered agent type", $"{path}.type = \"recorder\""),
            entry.ContainsKey("active") ? Read(fields, "active", path, (c, k) => c.GetBoolean(k), "it must be on or off", $"{path}.active = on") : true,
            ReadStrings(fields, "capabilities", path),
            ReadStrings(fields, "subscribes", path),
            ReadStrings(fields, "publishes", path),
            entry.ContainsKey("priority")
                ? Read(fields, "priority", path, (c, k) => c.GetInt(k), "it must be a whole number (higher starts first)", $"{path}.priority = 0")
                : 0,
            ReadLimits(entry, path),
            ReadSchedules(entry, path),
            ReadHeartbeat(entry, path),
            ReadSettings(entry, path),
            ReadSubscribeFrom(entry, fields, path));
        try
        {
            return AgentDefinitionValidator.Validate(definition, types);
        }
        catch (AgentDefinitionException e)
        {
            // The validator names fields by their JSON names, after the agent; the configuration names them by path.
            var field = Kebab(e.Field);
            var prefix = string.IsNullOrEmpty(e.AgentId) ? $"agent definition, {e.Field}: " : $"agent '{e.AgentId}', {e.Field}: ";
            var reason = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
            var where = field == "id" ? path : $"{path}.{field}";
            throw new HoconException(Locate(entry, field).Origin, $"{where}: {reason}", e);
        }
    }

    private static SubscriptionStart ReadSubscribeFrom(HoconObject entry, Config fields, string path)
    {
        if (!entry.ContainsKey("subscribe-from"))
        {
            return SubscriptionStart.Beginning;
        }
        var value = Read(fields, "subscribe-from", path, (c, k) => c.GetString(k), "it must be beginning or end", $"{path}.subscribe-from = end");
        return value switch
        {
            "beginning" => SubscriptionStart.Beginning,
            "end" => SubscriptionStart.End,
            _ => throw Invalid(entry["subscribe-from"], path + ".subscribe-from",
                $"'{value}' is not where a subscription begins: it must be beginning or end", $"{path}.subscribe-from = end"),
        };
    }

    private static AgentLimits ReadLimits(HoconObject entry, string path)
    {
        if (!entry.TryGetValue("limits", out var value))
        {
            return AgentLimits.Default;
        }
        var limitsPath = path + ".limits";
        var limits = ObjectAt(value, limitsPath, "{ mailbox-capacity = 1000, max-concurrent-actions = 1 }");
        RejectUnknownKeys(limits, limitsPath, LimitKeys);
        var fields = Config.FromObject(limits);
        int? capacity = limits.TryGetValue("mailbox-capacity", out var capacityValue)
            && capacityValue is not (HoconNull or HoconString { Value: "off" or "unbounded" })
            ? Read(fields, "mailbox-capacity", limitsPath, (c, k) => c.GetInt(k),
                "it must be a whole number of messages, or unbounded", $"{limitsPath}.mailbox-capacity = 1000")
            : null;
        var concurrent = limits.ContainsKey("max-concurrent-actions")
            ? Read(fields, "max-concurrent-actions", limitsPath, (c, k) => c.GetInt(k),
                "it must be a whole number of at least 1", $"{limitsPath}.max-concurrent-actions = 1")
            : 1;
        return new AgentLimits(capacity, concurrent);
    }

    private static List<AgentSchedule> ReadSchedules(HoconObject entry, string path)
    {
        var schedules = new List<AgentSchedule>();
        if (!entry.TryGetValue("schedules", out var value) || value is HoconNull)
        {
            return schedules;
        }
        var listPath = path + ".schedules";
        if (value is not HoconArray items)
        {
            throw Invalid(value, listPath, "it must be a list of schedules",
                $"{listPath} = [ {{ name = hourly, every = 1h }}, {{ name = per-epoch, every-events = 10, topic = \"training.epoch.*\" }} ]");
        }
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{listPath}[{i}]";
            var item = ObjectAt(items[i], itemPath, "{ name = hourly, every = 1h }");
            RejectUnknownKeys(item, itemPath, ScheduleKeys);
            var fields = Config.FromObject(item);
            schedules.Add(new AgentSchedule(
                item.ContainsKey("name") ? Read(fields, "name", itemPath, (c, k) => c.GetString(k), "it must be a name", $"{itemPath}.name = hourly") : "",
                item.ContainsKey("every")
                    ? Read(fields, "every", itemPath, (c, k) => c.GetDuration(k), "it must be a duration such as 5 minutes", $"{itemPath}.every = 5 minutes")
                    : null,
                item.ContainsKey("every-events")
                    ? Read(fields, "every-events", itemPath, (c, k) => c.GetInt(k), "it must be a whole number of events", $"{itemPath}.every-events = 10")
                    : null,
                item.ContainsKey("topic")
                    ? Read(fields, "topic", itemPath, (c, k) => c.GetString(k), "it must be a topic pattern", $"{itemPath}.topic = \"training.epoch.*\"")
                    : null));
        }
        return schedules;
    }

    private static AgentHeartbeat ReadHeartbeat(HoconObject entry, string path)
    {
        if (!entry.TryGetValue("heartbeat", out var value))
        {
            return AgentHeartbeat.Default;
        }
        var heartbeatPath = path + ".heartbeat";
        var heartbeat = ObjectAt(value, heartbeatPath, "{ interval = 10s, timeout = 30s }");
        RejectUnknownKeys(heartbeat, heartbeatPath, HeartbeatKeys);
        var fields = Config.FromObject(heartbeat);
        var interval = heartbeat.ContainsKey("interval")
            ? Read(fields, "interval", heartbeatPath, (c, k) => c.GetDuration(k), "it must be a duration such as 10s", $"{heartbeatPath}.interval = 10s")
            : AgentHeartbeat.Default.Interval;
        // Without a timeout of its own, a changed interval keeps the default ratio: silent for three intervals.
        var timeout = heartbeat.ContainsKey("timeout")
            ? Read(fields, "timeout", heartbeatPath, (c, k) => c.GetDuration(k), "it must be a duration such as 30s", $"{heartbeatPath}.timeout = 30s")
            : interval * 3;
        return new AgentHeartbeat(interval, timeout);
    }

    private static JsonElement? ReadSettings(HoconObject entry, string path)
    {
        if (!entry.TryGetValue("settings", out var value) || value is HoconNull)
        {
            return null;
        }
        var settings = ObjectAt(value, path + ".settings", "{ threshold = 0.9 }");
        using var document = JsonDocument.Parse(settings.ToJson(indented: false));
        return document.RootElement.Clone();
    }

    private static List<string> ReadStrings(Config fields, string key, string path)
    {
        if (!fields.Root.TryGetValue(key, out var value) || value is HoconNull)
        {
            return [];
        }
        return [.. Read(fields, key, path, (c, k) => c.GetStringList(k), "it must be a list of strings", $"{path}.{key} = [\"training.#\"]")];
    }

    /// <summary>Reads <paramref name="key"/> of an entry; a value of the wrong form is an error naming its full path.</summary>
    private static T Read<T>(Config fields, string key, string path, Func<Config, string, T> read, string requirement, string fix)
    {
        try
        {
            return read(fields, key);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(fields.Root[key], $"{path}.{key}", requirement, fix, e);
        }
    }

    private static HoconObject ObjectAt(HoconValue value, string path, string example) =>
        value as HoconObject ?? throw Invalid(value, path, "it must be an object", $"{path} {example}");

    private static void RejectUnknownKeys(HoconObject entry, string path, string[] keys)
    {
        foreach (var (key, value) in entry)
        {
            if (!keys.Contains(key))
            {
                throw new HoconException(value.Origin,
                    $"{path}.{key} is not a field of an agent definition here: {path} takes only {string.Join(", ", keys)}. Fix: correct the spelling or remove it");
            }
        }
    }

    /// <summary>The value a validation field names (<c>schedules[1].topic</c>), or the nearest enclosing one.</summary>
    private static HoconValue Locate(HoconObject entry, string field)
    {
        HoconValue current = entry;
        foreach (var segment in field.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var key = bracket < 0 ? segment : segment[..bracket];
            if (current is not HoconObject obj || !obj.TryGetValue(key, out var next))
            {
                return current;
            }
            current = next;
            if (bracket >= 0 && int.TryParse(segment.AsSpan(bracket + 1, segment.Length - bracket - 2), out var index))
            {
                if (current is not HoconArray array || index >= array.Count)
                {
                    return current;
                }
                current = array[index];
            }
        }
        return current;
    }

    /// <summary>The configuration spelling of a JSON field name: <c>limits.mailboxCapacity</c> → <c>limits.mailbox-capacity</c>.</summary>
    private static string Kebab(string field)
    {
        var text = new StringBuilder(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                text.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    private static string EntryPath(string parent, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? $"{parent}.{key}"
            : $"{parent}.\"{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private static string Registered(AgentTypeRegistry types) =>
        types.Names is { Count: > 0 } names ? "registered: " + string.Join(", ", names) : "none is registered";
}
