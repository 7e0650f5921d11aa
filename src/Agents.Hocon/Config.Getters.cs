namespace Agents.Hocon;

public sealed partial class Config
{
    /// <summary>The string at <paramref name="path"/>; numbers and booleans are read as they are written.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is an object, an array or null.</exception>
    public string GetString(string path) => ValueReader.ToText(GetValue(path), path);

    /// <summary>The string at <paramref name="path"/>, or <paramref name="defaultValue"/> when it is not set or null.</summary>
    public string GetString(string path, string defaultValue) =>
        Optional(path) is { } value ? ValueReader.ToText(value, path) : defaultValue;

    /// <summary>The <see cref="int"/> at <paramref name="path"/>; numeric strings are accepted.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a whole number in range.</exception>
    public int GetInt(string path) => ValueReader.ToInt32(GetValue(path), path);

    /// <summary>The <see cref="int"/> at <paramref name="path"/>, or <paramref name="defaultValue"/> when it is not set or null.</summary>
    public int GetInt(string path, int defaultValue) =>
        Optional(path) is { } value ? ValueReader.ToInt32(value, path) : defaultValue;

    /// <summary>The <see cref="long"/> at <paramref name="path"/>; numeric strings are accepted.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a whole number in range.</exception>
    public long GetLong(string path) => ValueReader.ToInt64(GetValue(path), path);

    /// <summary>The <see cref="long"/> at <paramref name="path"/>, or <paramref name="defaultValue"/> when it is not set or null.</summary>
    public long GetLong(string path, long defaultValue) =>
        Optional(path) is { } value ? ValueReader.ToInt64(value, path) : defaultValue;

    /// <summary>The <see cref="double"/> at <paramref name="path"/>; numeric strings are accepted.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a number.</exception>
    public double GetDouble(string path) => ValueReader.ToDouble(GetValue(path), path);

    /// <summary>The <see cref="double"/> at <paramref name="path"/>, or <paramref name="defaultValue"/> when it is not set or null.</summary>
    public double GetDouble(string path, double defaultValue) =>
        Optional(path) is { } value ? ValueReader.ToDouble(value, path) : defaultValue;

    /// <summary>The <see cref="decimal"/> at <paramref name="path"/>; numeric strings are accepted.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a number in range.</exception>
    public decimal GetDecimal(string path) => ValueReader.ToDecimal(GetValue(path), path);

    /// <summary>The <see cref="decimal"/> at <paramref name="path"/>, or <paramref name="defaultValue"/> when it is not set or null.</summary>
    public decimal GetDecimal(string path, decimal defaultValue) =>
        Optional(path) is { } value ? ValueReader.ToDecimal(value, path) : defaultValue;

    /// <summary>The boolean at <paramref name="path"/>; the strings true/yes/on and false/no/off are accepted.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a boolean.</exception>
    public bool GetBoolean(string path) => ValueReader.ToBoolean(GetValue(path), path);

    /// <summary>The boolean at <paramref name="path"/>, or <paramref name="defaultValue"/> when it is not set or null.</summary>
    public bool GetBoolean(string path, bool defaultValue) =>
        Optional(path) is { } value ? ValueReader.ToBoolean(value, path) : defaultValue;

    /// <summary>
    /// The duration at <paramref name="path"/>: a string such as <c>5s</c> or <c>100 ms</c> (see
    /// <see cref="HoconDuration"/>), or a number of milliseconds.
    /// </summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a duration.</exception>
    public TimeSpan GetDuration(string path) => ValueReader.ToDuration(GetValue(path), path);

    /// <summary>The duration at <paramref name="path"/>, or <paramref name="defaultValue"/> when it is not set or null.</summary>
    public TimeSpan GetDuration(string path, TimeSpan defaultValue) =>
        Optional(path) is { } value ? ValueReader.ToDuration(value, path) : defaultValue;

    /// <summary>
    /// The size in bytes at <paramref name="path"/>: a string such as <c>512K</c> or <c>10 MB</c> (see
    /// <see cref="HoconSize"/>), or a number of bytes.
    /// </summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a size.</exception>
    public long GetBytes(string path) => ValueReader.ToBytes(GetValue(path), path);

    /// <summary>The size in bytes at <paramref name="path"/>, or <paramref name="defaultValue"/> when it is not set or null.</summary>
    public long GetBytes(string path, long defaultValue) =>
        Optional(path) is { } value ? ValueReader.ToBytes(value, path) : defaultValue;

    /// <summary>The period at <paramref name="path"/>: a string such as <c>2 weeks</c> (see <see cref="HoconPeriod"/>), or a number of days.</summary>
    /// <exception cref="HoconMissingPathException">The path is not set.</exception>
    /// <exception cref="HoconWrongTypeException">The value is not a period.</exception>
    public HoconPeriod GetPeriod(string path) => ValueReader.ToPeriod(GetValue(path), path);

    /// <summary>The period at <paramref name="path"/>, or <paramref name="defaultValue"/> when it is not set or null.</summary>
    public HoconPeriod GetPeriod(string path, HoconPeriod defaultValue) =>
        Optional(path) is { } value ? ValueReader.ToPeriod(value, path) : defaultValue;

    private HoconValue? Optional(string path) => Find(path, out _) is { } value and not HoconNull ? value : null;
}
