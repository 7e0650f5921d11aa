using System.Globalization;
using System.Text.Json;

namespace Agents.Hocon.Tests.Conformance;

/// <summary>
/// The conformance equality: key order ignored, numbers compared as numbers, types otherwise strict,
/// arrays in order. Returns a description of the first difference, or null when equal.
/// </summary>
public static class JsonEquivalence
{
    public static string? Difference(HoconValue actual, JsonElement expected, string path = "$")
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual is not HoconObject obj)
                {
                    return $"{path}: expected an object, got {actual.Type}";
                }
                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var extra = obj.Keys.Where(k => !expectedKeys.Contains(k)).ToList();
                if (extra.Count > 0)
                {
                    return $"{path}: unexpected keys {string.Join(", ", extra)}";
                }
                foreach (var property in expected.EnumerateObject())
                {
                    if (!obj.TryGetValue(property.Name, out var value))
                    {
                        return $"{path}: missing key '{property.Name}'";
                    }
                    if (Difference(value, property.Value, path + "." + property.Name) is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case JsonValueKind.Array:
                if (actual is not HoconArray array)
                {
                    return $"{path}: expected an array, got {actual.Type}";
                }
                var items = expected.EnumerateArray().ToList();
                if (items.Count != array.Count)
                {
                    return $"{path}: expected {items.Count} elements, got {array.Count}";
                }
                for (var i = 0; i < items.Count; i++)
                {
                    if (Difference(array[i], items[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case JsonValueKind.String:
                return actual is HoconString s && s.Value == expected.GetString()
                    ? null
                    : $"{path}: expected the string \"{expected.GetString()}\", got {Describe(actual)}";
            case JsonValueKind.Number:
                return actual is HoconNumber n && n.ToDouble() == expected.GetDouble()
                    ? null
                    : $"{path}: expected the number {expected.GetRawText()}, got {Describe(actual)}";
            case JsonValueKind.True:
            case JsonValueKind.False:
                return actual is HoconBoolean b && b.Value == expected.GetBoolean()
                    ? null
                    : $"{path}: expected {expected.GetRawText()}, got {Describe(actual)}";
            case JsonValueKind.Null:
                return actual is HoconNull ? null : $"{path}: expected null, got {Describe(actual)}";
            default:
                return $"{path}: unexpected JSON kind {expected.ValueKind}";
        }
    }

    /// <summary>Equality of two JSON documents under the same rules.</summary>
    public static bool JsonEqual(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                return left.Count == right.Count && left.All(kv => right.TryGetValue(kv.Key, out var other) && JsonEqual(kv.Value, other));
            case JsonValueKind.Array:
                var x = a.EnumerateArray().ToList();
                var y = b.EnumerateArray().ToList();
                return x.Count == y.Count && x.Zip(y).All(pair => JsonEqual(pair.First, pair.Second));
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Number:
                return a.GetDouble() == b.GetDouble();
            default:
                return true;
        }
    }

    private static string Describe(HoconValue value) => value switch
    {
        HoconString s => $"the string \"{s.Value}\"",
        HoconNumber n => "the number " + n.Text,
        HoconBoolean b => b.Value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
        _ => value.Type.ToString(),
    };
}
