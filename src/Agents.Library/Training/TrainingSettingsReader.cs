using System.Globalization;
using System.Text;
using System.Text.Json;
using Agents.Hocon;
using Agents.Platform.Agents;

namespace Agents.Library.Training;

/// <summary>
/// Reads the settings of a training agent's definition. Keys are kebab-case (<c>epoch-interval</c>), as in the HOCON
/// definitions; the camelCase spelling of each key (<c>epochInterval</c>, <c>optimizationId</c>) is accepted too,
/// because definitions made by the optimizer carry the camelCase fields of the topic payloads. Every error names the
/// setting (<c>settings.&lt;key&gt;</c>), the value and the fix.
/// </summary>
internal sealed class TrainingSettingsReader
{
    private readonly string _agentId;
    private readonly JsonElement? _settings;

    private TrainingSettingsReader(string agentId, JsonElement? settings)
    {
        _agentId = agentId;
        _settings = settings;
    }

    /// <summary>A reader of <paramref name="definition"/>'s settings.</summary>
    /// <param name="definition">The agent's definition.</param>
    /// <param name="example">An example of valid settings, for the error message.</param>
    /// <exception cref="AgentDefinitionException">The settings are neither absent nor an object.</exception>
    public static TrainingSettingsReader For(AgentDefinition definition, string example)
    {
        var settings = definition.Settings;
        if (settings is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new TrainingSettingsReader(definition.Id, null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new AgentDefinitionException(definition.Id, "settings",
                $"a {definition.Type} agent's settings are an object such as {example}, not a {element.ValueKind.ToString().ToLowerInvariant()}.");
        }

        return new TrainingSettingsReader(definition.Id, element);
    }

    /// <summary>The camelCase spelling of a kebab-case key: <c>epoch-interval</c> → <c>epochInterval</c>.</summary>
    public static string CamelCase(string kebab)
    {
        var text = new StringBuilder(kebab.Length);
        var upper = false;
        foreach (var c in kebab)
        {
            if (c == '-')
            {
                upper = true;
                continue;
            }

            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return text.ToString();
    }

    /// <summary>The value of <paramref name="key"/> (or its camelCase spelling); false when absent or null.</summary>
    public bool TryGet(string key, out JsonElement value)
    {
        value = default;
        if (_settings is not { } settings)
        {
            return false;
        }

        if (!settings.TryGetProperty(key, out value) && !settings.TryGetProperty(CamelCase(key), out value))
        {
            return false;
        }

        return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    /// <summary>The error for <paramref name="key"/>: names <c>settings.&lt;key&gt;</c>.</summary>
    public AgentDefinitionException Error(string key, string message) => new(_agentId, "settings." + key, message);

    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    public int Int(string key, int defaultValue, int minimum)
    {
        if (!TryGet(key, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= minimum)
        {
            return number;
        }

        throw Error(key, $"{value.GetRawText()} is not valid: give a whole number of at least {Text(minimum)} (default {Text(defaultValue)}).");
    }

    /// <summary>A finite number of at least <paramref name="minimum"/> (above it when <paramref name="exclusive"/>).</summary>
    public double Double(string key, double defaultValue, double minimum, bool exclusive = false)
    {
        if (!TryGet(key, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            && (exclusive ? number > minimum : number >= minimum))
        {
            return number;
        }

        var bound = exclusive ? $"above {Text(minimum)}" : $"of at least {Text(minimum)}";
        throw Error(key, $"{value.GetRawText()} is not valid: give a number {bound} (default {Text(defaultValue)}).");
    }

    /// <summary>A positive duration: a HOCON duration string such as <c>1s</c> or <c>500ms</c>, or a number of milliseconds.</summary>
    public TimeSpan Duration(string key, TimeSpan defaultValue)
    {
        if (!TryGet(key, out var value))
        {
            return defaultValue;
        }

        var duration = value.ValueKind switch
        {
            JsonValueKind.String when HoconDuration.TryParse(value.GetString()!, out var parsed) => parsed,
            JsonValueKind.Number when value.TryGetDouble(out var milliseconds) && double.IsFinite(milliseconds) => TimeSpan.FromMilliseconds(milliseconds),
            _ => TimeSpan.Zero,
        };
        if (duration > TimeSpan.Zero)
        {
            return duration;
        }

        throw Error(key, $"{value.GetRawText()} is not a positive duration: write one like \"1s\" or \"500ms\" (a bare number is milliseconds; default {defaultValue}).");
    }

    /// <summary>A string, or <see langword="null"/> when absent; numbers are read as their text.</summary>
    public string? String(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Error(key, $"{value.GetRawText()} is not valid: give a string."),
        };
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
