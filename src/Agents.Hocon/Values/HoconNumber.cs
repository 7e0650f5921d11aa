using System.Globalization;

namespace Agents.Hocon;

/// <summary>
/// A number. It keeps the text it was written with, which concatenation, keys and rendering use, and
/// converts to <see cref="long"/>, <see cref="double"/> or <see cref="decimal"/> on request.
/// </summary>
public sealed class HoconNumber : HoconValue
{
    private string? _text;
    private readonly long _integer;
    private readonly bool _isInteger;

    /// <summary>Creates a number from its JSON text, e.g. <c>42</c>, <c>-1.5</c> or <c>1e6</c>.</summary>
    /// <exception cref="FormatException">The text is not a JSON number.</exception>
    public HoconNumber(string text, HoconOrigin origin) : base(HoconSource.Fixed(origin), 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NumberText.IsNumber(text, out _isInteger, out _integer))
        {
            throw new FormatException($"'{text}' is not a number");
        }
        _text = text;
    }

    /// <summary>Creates an integer.</summary>
    public HoconNumber(long value, HoconOrigin origin) : base(HoconSource.Fixed(origin), 0)
    {
        _integer = value;
        _isInteger = true;
    }

    internal HoconNumber(string? text, bool isInteger, long integer, HoconSource source, int offset)
        : base(source, offset)
    {
        _text = text;
        _isInteger = isInteger;
        _integer = integer;
    }

    internal HoconNumber(string? text, bool isInteger, long integer, HoconValue originOf) : base(originOf)
    {
        _text = text;
        _isInteger = isInteger;
        _integer = integer;
    }

    /// <summary>The number as written in the source, e.g. <c>1e5</c> or <c>042</c>.</summary>
    public string Text => _text ??= _integer.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the number has no fraction or exponent and fits a <see cref="long"/>.</summary>
    public bool IsInteger => _isInteger;

    /// <summary>True when the value has no fractional part (<c>42</c>, <c>42.0</c>, <c>1e3</c>).</summary>
    public bool IsWhole => _isInteger || (double.IsFinite(ToDouble()) && Math.Floor(ToDouble()) == ToDouble());

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Number;

    /// <summary>The value as a <see cref="double"/>.</summary>
    public double ToDouble() =>
        _isInteger ? _integer : double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value as a <see cref="decimal"/>; throws <see cref="OverflowException"/> when out of range.</summary>
    public decimal ToDecimal() =>
        _isInteger ? _integer : decimal.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// The value as a <see cref="long"/> when it is whole and in range (<c>1e3</c> gives 1000);
    /// false for fractions and values beyond <see cref="long"/>.
    /// </summary>
    public bool TryGetInt64(out long value)
    {
        if (_isInteger)
        {
            value = _integer;
            return true;
        }
        var d = ToDouble();
        if (double.IsFinite(d) && Math.Floor(d) == d && d >= -9.2233720368547758E18 && d < 9.2233720368547758E18)
        {
            value = (long)d;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>Returns the original text.</summary>
    public override string ToString() => Text;
}
