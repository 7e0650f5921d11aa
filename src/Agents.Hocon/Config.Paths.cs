using Agents.Hocon.Parsing;

namespace Agents.Hocon;

public sealed partial class Config
{
    /// <summary>True when <paramref name="path"/> is set to something other than <c>null</c>.</summary>
    /// <exception cref="HoconException">The path is not a valid path expression.</exception>
    public bool HasPath(string path) => Find(path, out _) is { } value && value is not HoconNull;

    /// <summary>True when <paramref name="path"/> is set, even to <c>null</c>.</summary>
    public bool HasPathOrNull(string path) => Find(path, out _) is not null;

    /// <summary>True when <paramref name="path"/> is set to <c>null</c>.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set at all.</exception>
    public bool IsNull(string path) => GetValue(path) is HoconNull;

    /// <summary>The value at <paramref name="path"/>, which may be <see cref="HoconNull"/>.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">A key along the path is not an object.</exception>
    public HoconValue GetValue(string path)
    {
        var value = Find(path, out var missing);
        if (value is null)
        {
            throw missing!;
        }
        return value;
    }

    /// <summary>
    /// The object at <paramref name="path"/> as a configuration; an empty configuration when the path
    /// is not set or is <c>null</c>.
    /// </summary>
    /// <exception cref="HoconWrongTypeException">The value is not an object.</exception>
    public Config GetConfig(string path)
    {
        var value = Find(path, out _);
        return value switch
        {
            null or HoconNull => Empty,
            HoconObject obj => new Config(obj),
            _ => throw WrongType(path, value, "an object"),
        };
    }

    /// <summary>The object at <paramref name="path"/>.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not an object.</exception>
    public HoconObject GetObject(string path) =>
        GetValue(path) as HoconObject ?? throw WrongType(path, GetValue(path), "an object");

    /// <summary>
    /// Every leaf setting with its path, depth first in definition order: values that are not objects
    /// (arrays and <c>null</c> included). Paths quote keys where needed, e.g. <c>a."b.c"</c>.
    /// </summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> AsEnumerable()
    {
        var stack = new Stack<(HoconObject Object, int Index, string? Prefix)>();
        stack.Push((Root, 0, null));
        while (stack.Count > 0)
        {
            var (obj, index, prefix) = stack.Pop();
            if (index >= obj.Count)
            {
                continue;
            }
            stack.Push((obj, index + 1, prefix));
            var key = KeyQuoting.NeedsQuotes(obj.KeyAt(index)) ? HoconPath.Render([obj.KeyAt(index)], 0, 1) : obj.KeyAt(index);
            var path = prefix is null ? key : prefix + "." + key;
            var value = obj.ValueAt(index);
            if (value is HoconObject child)
            {
                stack.Push((child, 0, path));
            }
            else
            {
                yield return new KeyValuePair<string, HoconValue>(path, value);
            }
        }
    }

    /// <summary>Finds the value at a path; null with an explanation when it is not set.</summary>
    private HoconValue? Find(string path, out HoconMissingPathException? missing)
    {
        ArgumentNullException.ThrowIfNull(path);
        var elements = HoconParser.ParsePath(path);
        HoconObject obj = Root;
        for (var i = 0; i < elements.Length; i++)
        {
            if (!obj.TryGetValue(elements[i], out var value))
            {
                missing = Missing(path, elements, i, obj);
                return null;
            }
            CheckResolved(path, value);
            if (i == elements.Length - 1)
            {
                missing = null;
                return value;
            }
            if (value is HoconObject child)
            {
                obj = child;
                continue;
            }
            if (value is HoconNull)
            {
                missing = Missing(path, elements, i + 1, obj);
                return null;
            }
            throw WrongType(HoconPath.Render(elements, 0, i + 1), value, "an object", $"so '{path}' cannot be read");
        }
        missing = null;
        return null;
    }

    private static HoconMissingPathException Missing(string path, string[] elements, int at, HoconObject deepest)
    {
        var where = at == 0 ? "the configuration" : $"'{HoconPath.Render(elements, 0, at)}'";
        var absent = at < elements.Length ? elements[at] : elements[^1];
        return new HoconMissingPathException(path, deepest.Origin,
            $"no setting at path '{path}': {where} has no key '{absent}'; add it to the configuration or use the overload that takes a default");
    }

    private static void CheckResolved(string path, HoconValue value)
    {
        if (value is HoconSubstitution or HoconConcatenation or HoconDelayedMerge)
        {
            throw new HoconException(value.Origin,
                $"'{path}' holds an unresolved substitution; call Resolve() on the configuration (it was parsed with Resolve = false)");
        }
    }

    internal static HoconWrongTypeException WrongType(string path, HoconValue value, string expected, string? detail = null) =>
        new(path, expected, DescribeActual(value), value.Origin, detail);

    internal static string DescribeActual(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "an array",
        HoconString s => $"the string \"{(s.Value.Length > 60 ? s.Value[..60] + "..." : s.Value)}\"",
        HoconNumber n => $"the number {n.Text}",
        HoconBoolean b => b.Value ? "the boolean true" : "the boolean false",
        HoconNull => "null",
        _ => "unresolved",
    };
}
