using Agents.Hocon.Parsing;

namespace Agents.Hocon.Formats;

/// <summary>The spec's "units format": optional whitespace, a number, optional whitespace, an optional unit of letters.</summary>
internal static class UnitText
{
    public static bool Split(string text, out string number, out string unit)
    {
        var end = text.Length;
        while (end > 0 && HoconCharacters.IsWhitespace(text[end - 1]))
        {
            end--;
        }
        var unitStart = end;
        while (unitStart > 0 && char.IsLetter(text[unitStart - 1]))
        {
            unitStart--;
        }
        unit = text[unitStart..end];
        var start = 0;
        while (start < unitStart && HoconCharacters.IsWhitespace(text[start]))
        {
            start++;
        }
        var numberEnd = unitStart;
        while (numberEnd > start && HoconCharacters.IsWhitespace(text[numberEnd - 1]))
        {
            numberEnd--;
        }
        number = text[start..numberEnd];
        return number.Length > 0;
    }

    public static bool TryParseDecimal(string number, out decimal value) =>
        decimal.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
}
