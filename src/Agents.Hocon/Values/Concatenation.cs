using System.Globalization;

namespace Agents.Hocon;

/// <summary>
/// Joins the pieces of a value concatenation: simple values become one string, arrays append,
/// objects merge (later wins); separators next to an object or array vanish. Mixing a string with an
/// object or array is an error.
/// </summary>
internal static class Concatenation
{
    /// <summary>Joins resolved pieces; returns null when nothing but separators is left.</summary>
    public static HoconValue? Join(IReadOnlyList<HoconValue> pieces, bool inPlace)
    {
        HoconValue? joined = null;
        HoconString? pending = null;
        foreach (var piece in pieces)
        {
            if (piece is HoconString { IsSeparator: true } separator)
            {
                pending = joined is null ? null : separator;
                continue;
            }
            joined = joined is null ? piece : JoinTwo(joined, pending, piece, inPlace);
            pending = null;
        }
        return joined;
    }

    private static HoconValue JoinTwo(HoconValue left, HoconString? separator, HoconValue right, bool inPlace)
    {
        if (IsSimple(left) && IsSimple(right))
        {
            var text = string.Concat(TextOf(left), separator?.Value ?? "", TextOf(right));
            return new HoconString(text, left, StringKind.Unquoted);
        }
        switch (left)
        {
            case HoconObject lo when right is HoconObject ro:
                return inPlace ? ValueMerge.MergeInPlace(ro, lo) : ValueMerge.Merge(ro, lo);
            case HoconArray la when right is HoconArray ra:
                return Append(la, ra);
            case HoconArray la when right is HoconObject ro && NumericKeys.ToArray(ro) is { } converted:
                return Append(la, converted);
            case HoconObject lo when right is HoconArray ra && NumericKeys.ToArray(lo) is { } converted:
                return Append(converted, ra);
        }
        throw new HoconException(right.Origin,
            $"cannot concatenate {Describe(left)} (from {left.Origin}) with {Describe(right)}; " +
            "only strings, only arrays or only objects can be joined in one value");
    }

    private static HoconArray Append(HoconArray left, HoconArray right)
    {
        var result = new HoconArray(left, left.Count + right.Count);
        for (var i = 0; i < left.Count; i++)
        {
            result.AddFrom(left, i);
        }
        for (var i = 0; i < right.Count; i++)
        {
            result.AddFrom(right, i);
        }
        return result;
    }

    private static bool IsSimple(HoconValue value) => value is HoconString or HoconNumber or HoconBoolean or HoconNull;

    /// <summary>The text a simple value contributes to a string concatenation.</summary>
    public static string TextOf(HoconValue value) => value switch
    {
        HoconString s => s.Value,
        HoconNumber n => n.Text,
        HoconBoolean b => b.Value ? "true" : "false",
        HoconNull => "null",
        _ => throw new InvalidOperationException("not a simple value"),
    };

    private static string Describe(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "an array",
        HoconString s => $"the string \"{s.Value}\"",
        HoconNumber n => $"the number {n.Text}",
        HoconBoolean b => b.Value ? "true" : "false",
        HoconNull => "null",
        _ => value.Type.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
