using System.Text;

namespace Agents.Cluster.Sharding;

/// <summary>
/// Turns entity and shard ids into actor names and back. An id may hold any text; an actor name only ASCII
/// letters, digits and <c>-_.+:@=,!'</c> (see the runtime's name rules), so every other character, and
/// <c>~</c> itself, is written as <c>~XX</c>, the hex of each of its UTF-8 bytes, so that different ids never share a name. A name never starts with
/// <c>$</c> because <c>$</c> is escaped too.
/// </summary>
internal static class EntityNames
{
    private const string Kept = "-_.+:@=,!'";

    public static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.All(IsKept))
        {
            return id;
        }
        var builder = new StringBuilder(id.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (IsKept(c))
            {
                builder.Append(c);
                continue;
            }
            var length = char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1])
                ? Encoding.UTF8.GetBytes(id.AsSpan(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(id.AsSpan(i, 1), bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('~').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    private static bool IsKept(char c) => char.IsAsciiLetterOrDigit(c) || Kept.Contains(c, StringComparison.Ordinal);
}
