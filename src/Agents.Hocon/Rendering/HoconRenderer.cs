using System.Text;
using Agents.Hocon.Parsing;

namespace Agents.Hocon.Rendering;

/// <summary>
/// Renders values as readable HOCON that parses back to equal values: the root object without
/// braces, one field per line, keys quoted only where needed, strings always quoted. Unresolved
/// values render as the substitutions they are; a delayed merge as one line per definition.
/// </summary>
internal static class HoconRenderer
{
    private const int InlineArrayLimit = 100;

    public static string Render(HoconValue value)
    {
        var sb = new StringBuilder();
        if (value is HoconObject { Count: > 0 } root)
        {
            WriteFields(sb, root, 0);
            sb.Length--;
        }
        else
        {
            WriteValue(sb, value, 0);
        }
        return sb.ToString();
    }

    private static void WriteFields(StringBuilder sb, HoconObject obj, int indent)
    {
        for (var i = 0; i < obj.Count; i++)
        {
            var key = obj.KeyAt(i);
            var value = obj.ValueAt(i);
            if (value is HoconDelayedMerge merge)
            {
                for (var j = merge.StackArray.Length - 1; j >= 0; j--)
                {
                    WriteField(sb, key, merge.StackArray[j], indent);
                }
                continue;
            }
            WriteField(sb, key, value, indent);
        }
    }

    private static void WriteField(StringBuilder sb, string key, HoconValue value, int indent)
    {
        sb.Append(' ', indent);
        KeyQuoting.AppendKey(sb, key);
        sb.Append(value is HoconObject ? " " : " = ");
        WriteValue(sb, value, indent);
        sb.Append('\n');
    }

    private static void WriteValue(StringBuilder sb, HoconValue value, int indent)
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
                sb.Append("{\n");
                WriteFields(sb, obj, indent + 2);
                sb.Append(' ', indent).Append('}');
                return;
            case HoconArray array:
                WriteArray(sb, array, indent);
                return;
            case HoconString s:
                KeyQuoting.AppendQuoted(sb, s.Value);
                return;
            case HoconNumber n:
                sb.Append(n.Text);
                return;
            case HoconBoolean b:
                sb.Append(b.Value ? "true" : "false");
                return;
            case HoconNull:
                sb.Append("null");
                return;
            case HoconSubstitution substitution:
                sb.Append(substitution.Expression);
                return;
            case HoconConcatenation concatenation:
                foreach (var piece in concatenation.PieceArray)
                {
                    if (piece is HoconString { IsSeparator: true } separator)
                    {
                        sb.Append(separator.Value.Length == 0 ? " " : separator.Value);
                    }
                    else
                    {
                        WriteValue(sb, piece, indent);
                    }
                }
                return;
            case HoconDelayedMerge merge:
                // Only reachable inside arrays or concatenations, where a merge cannot be written out.
                WriteValue(sb, merge.StackArray[0], indent);
                return;
        }
    }

    private static void WriteArray(StringBuilder sb, HoconArray array, int indent)
    {
        if (array.Count == 0)
        {
            sb.Append("[]");
            return;
        }
        var inline = array.Count <= InlineArrayLimit;
        for (var i = 0; i < array.Count && inline; i++)
        {
            inline = array.ItemAt(i) is HoconString or HoconNumber or HoconBoolean or HoconNull or HoconSubstitution;
        }
        if (inline)
        {
            sb.Append('[');
            for (var i = 0; i < array.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }
                WriteValue(sb, array.ItemAt(i), indent);
            }
            sb.Append(']');
            return;
        }
        sb.Append("[\n");
        for (var i = 0; i < array.Count; i++)
        {
            sb.Append(' ', indent + 2);
            WriteValue(sb, array.ItemAt(i), indent + 2);
            sb.Append('\n');
        }
        sb.Append(' ', indent).Append(']');
    }
}
