using System.Text.Json;

namespace Agents.Platform.Workflows.Predicates;

/// <summary>
/// A value a predicate compares: a literal, an event field or what a field path found in the payload (or
/// <see cref="Missing"/> when it found nothing). Numbers compare as 64-bit floating point, strings ordinally.
/// </summary>
internal readonly struct PredicateValue
{
    private readonly double _number;
    private readonly string? _text;
    private readonly JsonElement _element;

    private PredicateValue(JsonValueKind kind, double number = 0, string? text = null, JsonElement element = default)
    {
        Kind = kind;
        _number = number;
        _text = text;
        _element = element;
    }

    /// <summary>No value: the path found nothing.</summary>
    public static PredicateValue Missing => default;

    /// <summary>JSON null.</summary>
    public static PredicateValue Null => new(JsonValueKind.Null);

    /// <summary>The kind of value; <see cref="JsonValueKind.Undefined"/> when it is missing.</summary>
    public JsonValueKind Kind { get; }

    /// <summary>Whether the value is missing.</summary>
    public bool IsMissing => Kind == JsonValueKind.Undefined;

    /// <summary>Whether the value is JSON <c>true</c>.</summary>
    public bool IsTrue => Kind == JsonValueKind.True;

    /// <summary>A number.</summary>
    public static PredicateValue Of(double number) => new(JsonValueKind.Number, number);

    /// <summary>A string.</summary>
    public static PredicateValue Of(string text) => new(JsonValueKind.String, text: text);

    /// <summary>A boolean.</summary>
    public static PredicateValue Of(bool value) => new(value ? JsonValueKind.True : JsonValueKind.False);

    /// <summary>A value found in the payload.</summary>
    public static PredicateValue Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => new(JsonValueKind.Number, element.GetDouble()),
        JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Object => new(element.ValueKind, element: element),
        var kind => new(kind),
    };

    // A string found in the payload stays a JsonElement until its text is needed: comparing it with a literal
    // (the common case, status == 'done') reads the UTF-8 in place without allocating a string.
    private string Text => _text ?? _element.GetString()!;

    private static bool StringsEqual(in PredicateValue left, in PredicateValue right) => (left._text, right._text) switch
    {
        ({ } l, { } r) => string.Equals(l, r, StringComparison.Ordinal),
        (null, { } r) => left._element.ValueEquals(r),
        ({ } l, null) => right._element.ValueEquals(l),
        _ => string.Equals(left.Text, right.Text, StringComparison.Ordinal),
    };

    /// <summary>Whether two present values are equal: same kind and same value (arrays and objects deeply).</summary>
    public static bool AreEqual(in PredicateValue left, in PredicateValue right)
    {
        if (left.Kind != right.Kind)
        {
            return false;
        }

        return left.Kind switch
        {
            JsonValueKind.Number => left._number == right._number,
            JsonValueKind.String => StringsEqual(left, right),
            JsonValueKind.Array or JsonValueKind.Object => JsonElement.DeepEquals(left._element, right._element),
            _ => true,
        };
    }

    /// <summary>Orders two numbers or two strings; any other pair has no order.</summary>
    /// <returns>Whether the pair has an order; <paramref name="order"/> is its sign.</returns>
    public static bool TryCompare(in PredicateValue left, in PredicateValue right, out int order)
    {
        if (left.Kind == JsonValueKind.Number && right.Kind == JsonValueKind.Number)
        {
            order = left._number.CompareTo(right._number);
            return !double.IsNaN(left._number) && !double.IsNaN(right._number);
        }

        if (left.Kind == JsonValueKind.String && right.Kind == JsonValueKind.String)
        {
            order = string.CompareOrdinal(left.Text, right.Text);
            return true;
        }

        order = 0;
        return false;
    }

    /// <summary>
    /// Whether this value contains <paramref name="item"/>: a substring of a string (ordinal), or an element equal to it
    /// of an array. Anything else contains nothing.
    /// </summary>
    public bool Contains(in PredicateValue item)
    {
        if (Kind == JsonValueKind.String)
        {
            return item.Kind == JsonValueKind.String && Text.Contains(item.Text, StringComparison.Ordinal);
        }

        if (Kind == JsonValueKind.Array)
        {
            foreach (var element in _element.EnumerateArray())
            {
                if (AreEqual(Of(element), item))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
