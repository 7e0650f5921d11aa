namespace Agents.Hocon;

/// <summary>
/// HOCON sizes in bytes: a number and an optional unit, e.g. <c>512K</c>, <c>10 MB</c>, <c>1.5GiB</c>.
/// <c>B</c>/<c>byte(s)</c>; powers of ten <c>kB</c>, <c>MB</c> ... <c>YB</c> (and <c>kilobyte(s)</c> ...);
/// powers of two <c>K</c>/<c>k</c>/<c>Ki</c>/<c>KiB</c>/<c>kibibyte(s)</c> up to <c>Y</c>. A bare number is bytes.
/// </summary>
public static class HoconSize
{
    private static readonly Dictionary<string, decimal> Units = BuildUnits();

    /// <summary>Parses a size; throws <see cref="FormatException"/> naming the problem.</summary>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value, out var error) ? value : throw new FormatException(error);
    }

    /// <summary>Parses a size; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string text, out long bytes) => TryParse(text, out bytes, out _);

    internal static bool TryParse(string text, out long bytes, out string? error)
    {
        bytes = 0;
        if (!Formats.UnitText.Split(text, out var number, out var unit))
        {
            error = $"'{text}' is not a size: expected a number with an optional unit such as 512K, 10MB or 1GiB";
            return false;
        }
        if (!Units.TryGetValue(unit, out var multiplier))
        {
            error = $"'{text}' has an unknown size unit '{unit}'; use B, kB, MB, GB ... (powers of 10) or K, M, G, Ki, MiB ... (powers of 2)";
            return false;
        }
        if (!Formats.UnitText.TryParseDecimal(number, out var amount))
        {
            error = $"'{text}' is not a size: '{number}' is not a number";
            return false;
        }
        return FromBytes(text, amount, multiplier, out bytes, out error);
    }

    internal static bool FromBytes(string text, decimal amount, decimal multiplier, out long bytes, out string? error)
    {
        bytes = 0;
        decimal total;
        try
        {
            total = decimal.Truncate(amount * multiplier);
        }
        catch (OverflowException)
        {
            total = decimal.MaxValue;
        }
        if (total > long.MaxValue || total < long.MinValue)
        {
            error = $"'{text}' is too large a size for a 64-bit byte count";
            return false;
        }
        bytes = (long)total;
        error = null;
        return true;
    }

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [""] = 1m, ["B"] = 1m, ["b"] = 1m, ["byte"] = 1m, ["bytes"] = 1m,
        };
        string[] decimalPrefixes = ["k", "M", "G", "T", "P", "E", "Z", "Y"];
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        var power10 = 1m;
        var power2 = 1m;
        for (var i = 0; i < decimalPrefixes.Length; i++)
        {
            power10 *= 1000m;
            power2 *= 1024m;
            var letter = decimalPrefixes[i].ToUpperInvariant();
            units[decimalPrefixes[i] + "B"] = power10;
            units[decimalNames[i] + "byte"] = power10;
            units[decimalNames[i] + "bytes"] = power10;
            units[letter] = power2;
            units[letter.ToLowerInvariant()] = power2;
            units[letter + "i"] = power2;
            units[letter + "iB"] = power2;
            units[binaryNames[i] + "byte"] = power2;
            units[binaryNames[i] + "bytes"] = power2;
        }
        return units;
    }
}
