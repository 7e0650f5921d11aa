using System.Globalization;
using System.Text;

namespace Agents.Hocon.Formats;

/// <summary>
/// Reads Java properties text into an object: keys split on every '.' (empty parts kept), values are
/// always strings, and where a key is both a value and a parent of other keys the object wins.
/// </summary>
internal static class PropertiesParser
{
    private readonly record struct Entry(string[] Path, string Value, int Offset);

    public static HoconObject Parse(string text, string origin)
    {
        var entries = new List<Entry>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var source = new HoconSource(origin, text, loneCarriageReturnEndsLine: true);
        var i = 0;
        var line = 1;
        while (i < text.Length)
        {
            var entryLine = line;
            var entryOffset = i;
            var logical = ReadLogicalLine(text, ref i, ref line);
            var (key, value) = SplitEntry(logical, origin, entryLine);
            if (key is null)
            {
                continue;
            }
            var entry = new Entry(key.Split('.'), value!, entryOffset);
            if (positions.TryGetValue(key, out var at))
            {
                entries[at] = entry;
            }
            else
            {
                positions[key] = entries.Count;
                entries.Add(entry);
            }
        }
        var root = new HoconObject(source, 0);
        foreach (var entry in entries)
        {
            Place(root, entry, source);
        }
        return root;
    }

    private static void Place(HoconObject root, Entry entry, HoconSource source)
    {
        var obj = root;
        for (var k = 0; k < entry.Path.Length - 1; k++)
        {
            if (obj.TryGetValue(entry.Path[k], out var existing) && existing is HoconObject child)
            {
                obj = child;
                continue;
            }
            var created = new HoconObject(source, entry.Offset);
            obj.Set(entry.Path[k], created);
            obj = created;
        }
        var last = entry.Path[^1];
        if (obj.TryGetValue(last, out var current) && current is HoconObject)
        {
            return;
        }
        obj.Set(last, new HoconString(entry.Value, source, entry.Offset, StringKind.Quoted));
    }

    /// <summary>Joins physical lines ending in an odd number of backslashes; skips the leading whitespace of each.</summary>
    private static string ReadLogicalLine(string text, ref int i, ref int line)
    {
        var sb = new StringBuilder();
        var first = true;
        while (true)
        {
            while (i < text.Length && (text[i] is ' ' or '\t' or '\f'))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && text[i] != '\n' && text[i] != '\r')
            {
                i++;
            }
            var segment = text.AsSpan(start, i - start);
            if (i < text.Length)
            {
                i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
            }
            if (first && segment.Length > 0 && (segment[0] == '#' || segment[0] == '!'))
            {
                return string.Empty;
            }
            first = false;
            var backslashes = 0;
            for (var j = segment.Length - 1; j >= 0 && segment[j] == '\\'; j--)
            {
                backslashes++;
            }
            if (backslashes % 2 == 1)
            {
                sb.Append(segment[..^1]);
                if (i >= text.Length)
                {
                    return sb.ToString();
                }
                continue;
            }
            sb.Append(segment);
            return sb.ToString();
        }
    }

    private static (string? Key, string? Value) SplitEntry(string logical, string origin, int line)
    {
        if (logical.Length == 0)
        {
            return (null, null);
        }
        var key = new StringBuilder();
        var i = 0;
        while (i < logical.Length)
        {
            var c = logical[i];
            if (c == '\\')
            {
                i = Unescape(logical, i, key, origin, line);
                continue;
            }
            if (c is '=' or ':' or ' ' or '\t' or '\f')
            {
                break;
            }
            key.Append(c);
            i++;
        }
        while (i < logical.Length && logical[i] is ' ' or '\t' or '\f')
        {
            i++;
        }
        if (i < logical.Length && logical[i] is '=' or ':')
        {
            i++;
        }
        while (i < logical.Length && logical[i] is ' ' or '\t' or '\f')
        {
            i++;
        }
        var value = new StringBuilder();
        while (i < logical.Length)
        {
            if (logical[i] == '\\')
            {
                i = Unescape(logical, i, value, origin, line);
                continue;
            }
            value.Append(logical[i]);
            i++;
        }
        return (key.ToString(), value.ToString());
    }

    private static int Unescape(string s, int backslash, StringBuilder into, string origin, int line)
    {
        if (backslash + 1 >= s.Length)
        {
            return backslash + 1;
        }
        var e = s[backslash + 1];
        switch (e)
        {
            case 't': into.Append('\t'); break;
            case 'n': into.Append('\n'); break;
            case 'r': into.Append('\r'); break;
            case 'f': into.Append('\f'); break;
            case 'u':
                if (backslash + 6 > s.Length ||
                    !ushort.TryParse(s.AsSpan(backslash + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw new HoconException(new HoconOrigin(origin, line, 1), "malformed \\uXXXX escape in a properties file; write four hexadecimal digits");
                }
                into.Append((char)code);
                return backslash + 6;
            default: into.Append(e); break;
        }
        return backslash + 2;
    }
}
