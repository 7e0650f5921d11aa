using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Agents.Node.Story;

/// <summary>
/// Reads the fields of a story event's JSON payload leniently (a missing field, or one of another kind, reads as
/// absent, so that an event a job published by hand never stops the story) and formats numbers for people.
/// </summary>
internal static class StoryFields
{
    /// <summary>The text of <paramref name="name"/>: a string as it is, a number or boolean in its JSON form; null when absent.</summary>
    public static string? Text(JsonElement payload, string name) =>
        Field(payload, name) is { } value ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        } : null;

    /// <summary>The number of <paramref name="name"/> (also a numeric string such as <c>"NaN"</c>); null when absent.</summary>
    public static double? Number(JsonElement payload, string name)
    {
        if (Field(payload, name) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) => number,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>The whole number of <paramref name="name"/>; null when absent or not whole.</summary>
    public static long? Whole(JsonElement payload, string name) =>
        Number(payload, name) is { } number && double.IsFinite(number) && Math.Floor(number) == number ? (long)number : null;

    /// <summary>The object or array of <paramref name="name"/>; null when absent or a scalar.</summary>
    public static JsonElement? Nested(JsonElement payload, string name) =>
        Field(payload, name) is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } value ? value : null;

    /// <summary>The texts of the array <paramref name="name"/>; empty when absent.</summary>
    public static IReadOnlyList<string> Texts(JsonElement payload, string name) =>
        Field(payload, name) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : item.GetRawText())
                .Where(text => text.Length > 0)]
            : [];

    /// <summary>
    /// A number for a story line: whole numbers as they are, others with three significant digits, very large or
    /// very small ones in exponent form (<c>0.287</c>, <c>0.00312</c>, <c>8.4e+04</c>).
    /// </summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "infinity" : "-infinity";
        }

        var magnitude = Math.Abs(value);
        if (Math.Floor(value) == value && magnitude < 1e6)
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        return magnitude is >= 1e4 or < 1e-3
            ? value.ToString("0.##e+0", CultureInfo.InvariantCulture)
            : value.ToString("G3", CultureInfo.InvariantCulture);
    }

    /// <summary>An accuracy as a percentage: a fraction (at most 1) is multiplied by 100 (<c>0.912</c> → <c>91.2%</c>).</summary>
    public static string Percent(double value) =>
        (value is >= 0 and <= 1 ? value * 100 : value).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>A JSON value for a story line: numbers through <see cref="Format"/>, strings as they are, lists in brackets.</summary>
    public static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDouble(out var number) ? Format(number) : value.GetRawText(),
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Value)) + "]",
        _ => value.GetRawText(),
    };

    /// <summary>The properties of the object <paramref name="name"/> as <c>a=1, b=0.5</c>; null when absent or empty.</summary>
    public static string? Assignments(JsonElement payload, string name)
    {
        if (Field(payload, name) is not { ValueKind: JsonValueKind.Object } parameters)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var property in parameters.EnumerateObject())
        {
            text.Append(text.Length == 0 ? "" : ", ").Append(property.Name).Append('=').Append(Value(property.Value));
        }

        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>The value of <paramref name="name"/> of any kind; null when absent or JSON null.</summary>
    public static JsonElement? Field(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;
}
