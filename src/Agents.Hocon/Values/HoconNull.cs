namespace Agents.Hocon;

/// <summary>
/// An explicit <c>null</c>. It overrides earlier values, blocks the merge of objects around it and
/// stops a substitution from falling back to the environment.
/// </summary>
public sealed class HoconNull : HoconValue
{
    /// <summary>Creates a null value.</summary>
    public HoconNull(HoconOrigin origin) : this(HoconSource.Fixed(origin), 0)
    {
    }

    internal HoconNull(HoconSource source, int offset) : base(source, offset)
    {
    }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Null;

    /// <summary>Returns <c>null</c>.</summary>
    public override string ToString() => "null";
}
