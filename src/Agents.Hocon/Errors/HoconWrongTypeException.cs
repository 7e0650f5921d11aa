namespace Agents.Hocon;

/// <summary>A value exists but cannot be read as the type asked for.</summary>
public sealed class HoconWrongTypeException : HoconException
{
    /// <summary>Creates the exception; the message names the path, both types and where the value was defined.</summary>
    /// <param name="path">The path that was read.</param>
    /// <param name="expected">What the caller asked for, e.g. <c>duration</c> or <c>int</c>.</param>
    /// <param name="actual">What the value is, e.g. <c>object</c> or <c>string "abc"</c>.</param>
    /// <param name="origin">Where the value was defined.</param>
    /// <param name="detail">Extra explanation appended to the message, if any.</param>
    public HoconWrongTypeException(string path, string expected, string actual, HoconOrigin origin, string? detail = null)
        : base(origin, $"'{path}' should be {expected} but is {actual} (defined at {origin}){(detail is null ? "" : "; " + detail)}")
    {
        Path = path;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The path that was read.</summary>
    public string Path { get; }

    /// <summary>The type asked for.</summary>
    public string Expected { get; }

    /// <summary>The type found.</summary>
    public string Actual { get; }
}
