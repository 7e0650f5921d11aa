using System.Text;

namespace Agents.Hocon.Parsing;

/// <summary>Decides when a key must be quoted to read back as itself, and writes JSON string escapes.</summary>
internal static class KeyQuoting
{
    public static bool NeedsQuotes(string key)
    {
        if (key.Length == 0 || key.StartsWith("include", StringComparison.Ordinal))
        {
            return true;
        }
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == '.' || (HoconCharacters.ClassOf(c) & HoconCharacters.StopsUnquoted) != 0 || char.IsControl(c))
            {
                return true;
            }
            if (c == '/' && i + 1 < key.Length && key[i + 1] == '/')
            {
                return true;
            }
        }
        return false;
    }

    public static void AppendKey(StringBuilder sb, string key)
    {
        if (NeedsQuotes(key))
        {
            AppendQuoted(sb, key);
        }
        else
        {
            sb.Append(key);
        }
    }

    public static void AppendQuoted(StringBuilder sb, string text)
    {
        sb.Append('"');
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when c < ' ' || c == '\u2028' || c == '\u2029' => $"\\u{(int)c:x4}",
                _ => null,
            };
            if (escape is not null)
            {
                sb.Append(text, start, i - start).Append(escape);
                start = i + 1;
            }
        }
        sb.Append(text, start, text.Length - start).Append('"');
    }
}
