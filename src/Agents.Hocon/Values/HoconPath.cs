using System.Collections;
using System.Text;
using Agents.Hocon.Parsing;

namespace Agents.Hocon;

/// <summary>
/// A path through nested objects, such as <c>agents.actor."some.key"</c>: a list of keys. Parse one
/// with <see cref="Parse"/>; <see cref="ToString"/> renders it back, quoting keys only where needed.
/// </summary>
public sealed class HoconPath : IReadOnlyList<string>, IEquatable<HoconPath>
{
    private readonly string[] _elements;

    /// <summary>Creates a path from its keys.</summary>
    /// <exception cref="ArgumentException">There are no keys.</exception>
    public HoconPath(IEnumerable<string> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        _elements = [.. elements];
        if (_elements.Length == 0)
        {
            throw new ArgumentException("a path needs at least one key", nameof(elements));
        }
    }

    internal HoconPath(string[] elements, bool owned) => _elements = owned ? elements : [.. elements];

    /// <summary>Number of keys.</summary>
    public int Count => _elements.Length;

    /// <summary>The key at <paramref name="index"/>.</summary>
    public string this[int index] => _elements[index];

    internal string[] Elements => _elements;

    /// <summary>
    /// Parses a path expression: unquoted dots separate keys, quoted parts keep their dots
    /// (<c>a."b.c"</c> is two keys). Throws <see cref="HoconException"/> for <c>a..b</c>, a leading or
    /// trailing dot, or an empty path.
    /// </summary>
    public static HoconPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new HoconPath(HoconParser.ParsePath(path), owned: true);
    }

    /// <summary>A path one key longer.</summary>
    public HoconPath Append(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new HoconPath([.. _elements, key], owned: true);
    }

    /// <summary>Enumerates the keys.</summary>
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Renders the path, quoting keys that would not read back as themselves.</summary>
    public override string ToString() => Render(_elements, 0, _elements.Length);

    internal static string Render(string[] elements, int start, int count)
    {
        if (count == 1 && !KeyQuoting.NeedsQuotes(elements[start]))
        {
            return elements[start];
        }
        var sb = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            if (i > start)
            {
                sb.Append('.');
            }
            KeyQuoting.AppendKey(sb, elements[i]);
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    public bool Equals(HoconPath? other) =>
        other is not null && _elements.AsSpan().SequenceEqual(other._elements);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HoconPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var e in _elements)
        {
            hash.Add(e, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }
}
