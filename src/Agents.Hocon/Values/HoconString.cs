namespace Agents.Hocon;

/// <summary>A string value, written quoted, triple-quoted or unquoted.</summary>
public sealed class HoconString : HoconValue
{
    /// <summary>Creates a string value.</summary>
    /// <param name="value">The text.</param>
    /// <param name="origin">Where it was defined.</param>
    public HoconString(string value, HoconOrigin origin)
        : this(value, HoconSource.Fixed(origin), 0, StringKind.Quoted)
    {
    }

    internal HoconString(string value, HoconSource source, int offset, StringKind kind) : base(source, offset)
    {
        Value = value;
        Kind = kind;
    }

    internal HoconString(string value, HoconValue originOf, StringKind kind) : base(originOf)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The text of the string.</summary>
    public string Value { get; }

    internal StringKind Kind { get; }

    /// <summary>True for the whitespace between the parts of a concatenation, which vanishes next to an object or array.</summary>
    internal bool IsSeparator => Kind == StringKind.Separator;

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.String;

    /// <summary>Returns the text itself.</summary>
    public override string ToString() => Value;
}

/// <summary>How a string was written; only matters while concatenating.</summary>
internal enum StringKind : byte
{
    Quoted,
    Unquoted,
    Separator,
}
