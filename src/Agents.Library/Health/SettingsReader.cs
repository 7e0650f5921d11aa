using System.Globalization;
using System.Text.Json;
using Agents.Hocon;
using Agents.Platform.Agents;

namespace Agents.Library.Health;

/// <summary>
/// Reads the settings of a health agent's definition: a JSON object (from HOCON or the API) whose missing keys take
/// their defaults. A bad value is an <see cref="AgentDefinitionException"/> naming the setting, the value and the fix.
/// </summary>
internal sealed class SettingsReader
{
    private readonly AgentDefinition _definition;
    private readonly JsonElement? _settings;

    public SettingsReader(AgentDefinition definition, string example)
    {
        _definition = definition;
        if (definition.Settings is not { } settings || settings.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return;
        }

        if (settings.ValueKind != JsonValueKind.Object)
        {
            throw new AgentDefinitionException(definition.Id, "settings",
                $"a {definition.Type} agent's settings are an object such as {example}, not a {settings.ValueKind.ToString().ToLowerInvariant()}.");
        }

        _settings = settings;
    }

    /// <summary>A duration: a HOCON duration text such as <c>10s</c>, or a number of milliseconds; positive.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }

        var parsed = value.ValueKind switch
        {
            JsonValueKind.String when HoconDuration.TryParse(value.GetString()!, out var text) => text,
            JsonValueKind.Number when value.TryGetDouble(out var millis) => TimeSpan.FromMilliseconds(millis),
            _ => (TimeSpan?)null,
        };
        return parsed is { } duration && duration > TimeSpan.Zero
            ? duration
            : throw Bad(key, value, $"give a positive duration such as \"10s\" or \"2 minutes\" (default {HealthScore.Text(fallback)})");
    }

    /// <summary>A whole number of at least <paramref name="min"/>.</summary>
    public int Int(string key, int fallback, int min)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min
            ? number
            : throw Bad(key, value, $"give a whole number of at least {min.ToString(CultureInfo.InvariantCulture)} (default {fallback.ToString(CultureInfo.InvariantCulture)})");
    }

    /// <summary>A number between <paramref name="min"/> and <paramref name="max"/>, both included.</summary>
    public double Number(string key, double fallback, double min, double max) => Number(_settings, key, key, fallback, min, max);

    /// <summary>A number of the object under <paramref name="parent"/>, between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public double Number(string parent, string key, double fallback, double min, double max)
    {
        if (!TryGet(parent, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Bad(parent, value, $"give an object such as {{ \"{key}\": {fallback.ToString(CultureInfo.InvariantCulture)} }}");
        }

        return Number(value, $"{parent}.{key}", key, fallback, min, max);
    }

    /// <summary>The error for a bad value of <paramref name="key"/>.</summary>
    public AgentDefinitionException Bad(string key, JsonElement value, string fix) =>
        new(_definition.Id, $"settings.{key}", $"{value.GetRawText()} is not valid for {key}: {fix}.");

    private double Number(JsonElement? settings, string path, string key, double fallback, double min, double max)
    {
        if (settings is not { } obj || !obj.TryGetProperty(key, out var value))
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= min && number <= max
            ? number
            : throw Bad(path, value,
                $"give a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (default {fallback.ToString(CultureInfo.InvariantCulture)})");
    }

    private bool TryGet(string key, out JsonElement value)
    {
        value = default;
        return _settings is { } settings && settings.TryGetProperty(key, out value);
    }
}
