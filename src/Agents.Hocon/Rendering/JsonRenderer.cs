using System.Globalization;
using System.Text;
using Agents.Hocon.Parsing;

namespace Agents.Hocon.Rendering;

/// <summary>Renders resolved values as standard JSON.</summary>
internal static class JsonRenderer
{
    public static string Render(HoconValue value, bool indented)
    {
        var sb = new StringBuilder();
        Write(sb, value, indented, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, HoconValue value, bool indented, int indent)
    {
        StackGuard.Ensure(value, "rendering");
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }
                sb.Append('{');
                for (var i = 0; i < obj.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    NewLine(sb, indented, indent + 2);
                    KeyQuoting.AppendQuoted(sb, obj.KeyAt(i));
                    sb.Append(indented ? ": " : ":");
                    Write(sb, obj.ValueAt(i), indented, indent + 2);
                }
                NewLine(sb, indented, indent);
                sb.Append('}');
                return;
            case HoconArray array:
                if (array.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    NewLine(sb, indented, indent + 2);
                    Write(sb, array.ItemAt(i), indented, indent + 2);
                }
                NewLine(sb, indented, indent);
                sb.Append(']');
                return;
            case HoconString s:
                KeyQuoting.AppendQuoted(sb, s.Value);
                return;
            case HoconNumber n:
                sb.Append(JsonNumber(n));
                return;
            case HoconBoolean b:
                sb.Append(b.Value ? "true" : "false");
                return;
            case HoconNull:
                sb.Append("null");
                return;
            default:
                throw new HoconException(value.Origin,
                    "cannot render an unresolved substitution as JSON; call Resolve() on the configuration first");
        }
    }

    private static void NewLine(StringBuilder sb, bool indented, int indent)
    {
        if (indented)
        {
            sb.Append('\n').Append(' ', indent);
        }
    }

    /// <summary>The number's own text when it is strict JSON (no leading zeros, digits after a dot), else a canonical form.</summary>
    private static string JsonNumber(HoconNumber n)
    {
        var text = n.Text;
        if (IsStrictJsonNumber(text))
        {
            return text;
        }
        if (n.IsInteger && n.TryGetInt64(out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }
        var d = n.ToDouble();
        return double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "null";
    }

    private static bool IsStrictJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }
        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }
        if (text[i] == '0' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            return false;
        }
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                return false;
            }
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        return double.IsFinite(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
