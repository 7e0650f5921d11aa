namespace Agents.Hocon;

public sealed partial class Config
{
    /// <summary>The list at <paramref name="path"/> (an object with integer keys counts as a list), each element read as a string.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a list, or an element is not a string.</exception>
    public IReadOnlyList<string> GetStringList(string path) => ReadList(path, ValueReader.ToText);

    /// <summary>The list at <paramref name="path"/>, each element read as an <see cref="int"/>.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a list, or an element is not an int.</exception>
    public IReadOnlyList<int> GetIntList(string path) => ReadList(path, ValueReader.ToInt32);

    /// <summary>The list at <paramref name="path"/>, each element read as a <see cref="long"/>.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a list, or an element is not a long.</exception>
    public IReadOnlyList<long> GetLongList(string path) => ReadList(path, ValueReader.ToInt64);

    /// <summary>The list at <paramref name="path"/>, each element read as a <see cref="double"/>.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a list, or an element is not a number.</exception>
    public IReadOnlyList<double> GetDoubleList(string path) => ReadList(path, ValueReader.ToDouble);

    /// <summary>The list at <paramref name="path"/>, each element read as a boolean.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a list, or an element is not a boolean.</exception>
    public IReadOnlyList<bool> GetBooleanList(string path) => ReadList(path, ValueReader.ToBoolean);

    /// <summary>The list at <paramref name="path"/>, each element read as a duration.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a list, or an element is not a duration.</exception>
    public IReadOnlyList<TimeSpan> GetDurationList(string path) => ReadList(path, ValueReader.ToDuration);

    /// <summary>The list at <paramref name="path"/>, each element read as a size in bytes.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a list, or an element is not a size.</exception>
    public IReadOnlyList<long> GetBytesList(string path) => ReadList(path, ValueReader.ToBytes);

    /// <summary>The list of objects at <paramref name="path"/>, each as a configuration.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a list, or an element is not an object.</exception>
    public IReadOnlyList<Config> GetConfigList(string path) =>
        ReadList(path, (value, at) => value is HoconObject obj ? new Config(obj) : throw WrongType(at, value, "an object"));

    /// <summary>The list at <paramref name="path"/> as values.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a list.</exception>
    public IReadOnlyList<HoconValue> GetValueList(string path) => ReadList(path, (value, _) => value);

    private List<T> ReadList<T>(string path, Func<HoconValue, string, T> read)
    {
        var array = ValueReader.ToArray(GetValue(path), path);
        var list = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            list.Add(read(array.ItemAt(i), $"{path}[{i}]"));
        }
        return list;
    }
}
