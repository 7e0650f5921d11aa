using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Agents.Persistence.Serialization;

namespace Agents.Library.Training;

/// <summary>
/// Writes and reads the JSON payloads of the training topics. Payloads are published as <see cref="JsonPayload"/> so
/// that an event from a real job (published through the API) and one from an agent look the same to a reader. A loss
/// that is not a finite number is written as the string <c>"NaN"</c> or <c>"Infinity"</c>; readers accept those
/// strings, and <c>null</c>, as NaN.
/// </summary>
internal static class TrainingJson
{
    /// <summary>camelCase, named floating-point literals allowed, null fields left out.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The payload of <paramref name="value"/> (an anonymous object or a record) as JSON.</summary>
    public static JsonPayload Payload(object value) => new(JsonSerializer.SerializeToElement(value, value.GetType(), Options));

    /// <summary>The JSON document of a topic payload: its own document, or the payload serialized.</summary>
    public static JsonElement Document(object payload) => payload is JsonPayload json
        ? json.Document
        : JsonSerializer.SerializeToElement(payload, payload.GetType(), Options);

    /// <summary>
    /// Reads the number <paramref name="name"/> of <paramref name="document"/>: a JSON number, a string holding one
    /// (<c>"NaN"</c> and <c>"Infinity"</c> included), or <c>null</c> (read as NaN).
    /// </summary>
    /// <returns>False when the field is missing or holds something else.</returns>
    public static bool TryNumber(JsonElement document, string name, out double value)
    {
        value = double.NaN;
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty(name, out var element))
        {
            return false;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out value),
            JsonValueKind.Null => true,
            JsonValueKind.String => double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    /// <summary>Reads the whole number <paramref name="name"/> of <paramref name="document"/> (a JSON number or a string holding one).</summary>
    /// <returns>False when the field is missing or not a whole number.</returns>
    public static bool TryInt(JsonElement document, string name, out int value)
    {
        value = 0;
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty(name, out var element))
        {
            return false;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out value),
            JsonValueKind.String => int.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    /// <summary>Reads the non-empty string <paramref name="name"/> of <paramref name="document"/>.</summary>
    /// <returns>False when the field is missing, empty or not a string.</returns>
    public static bool TryString(JsonElement document, string name, out string value)
    {
        value = string.Empty;
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty(name, out var element)
            || element.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(element.GetString()))
        {
            return false;
        }

        value = element.GetString()!;
        return true;
    }
}
