namespace Agents.Hocon;

/// <summary>A <c>true</c> or <c>false</c> value.</summary>
public sealed class HoconBoolean : HoconValue
{
    /// <summary>Creates a boolean value.</summary>
    public HoconBoolean(bool value, HoconOrigin origin) : this(value, HoconSource.Fixed(origin), 0)
    {
    }

    internal HoconBoolean(bool value, HoconSource source, int offset) : base(source, offset) => Value = value;

    /// <summary>The value.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Boolean;

    /// <summary>Returns <c>true</c> or <c>false</c>.</summary>
    public override string ToString() => Value ? "true" : "false";
}
