using System.Globalization;

namespace Agents.Hocon;

/// <summary>
/// The spec's automatic type conversions for typed getters: numbers and booleans read as strings,
/// numeric strings as numbers, <c>true/yes/on/false/no/off</c> as booleans. Nothing converts to or
/// from objects and arrays (except an object with integer keys, read as a list), and null converts to nothing.
/// </summary>
internal static class ValueReader
{
    public static string ToText(HoconValue value, string path) => value switch
    {
        HoconString s => s.Value,
        HoconNumber n => n.Text,
        HoconBoolean b => b.Value ? "true" : "false",
        _ => throw Config.WrongType(path, value, "a string"),
    };

    public static bool ToBoolean(HoconValue value, string path) => value switch
    {
        HoconBoolean b => b.Value,
        HoconString { Value: "true" or "yes" or "on" } => true,
        HoconString { Value: "false" or "no" or "off" } => false,
        _ => throw Config.WrongType(path, value, "a boolean", "booleans are true/yes/on or false/no/off"),
    };

    public static long ToInt64(HoconValue value, string path)
    {
        var number = AsNumber(value, path, "a whole number (long)");
        return number.TryGetInt64(out var result)
            ? result
            : throw Config.WrongType(path, value, "a whole number (long)", "it has a fraction or is out of range");
    }

    public static int ToInt32(HoconValue value, string path)
    {
        var number = AsNumber(value, path, "a whole number (int)");
        return number.TryGetInt64(out var result) && result is >= int.MinValue and <= int.MaxValue
            ? (int)result
            : throw Config.WrongType(path, value, "a whole number (int)", "it has a fraction or is out of range for int");
    }

    public static double ToDouble(HoconValue value, string path) => AsNumber(value, path, "a number").ToDouble();

    public static decimal ToDecimal(HoconValue value, string path)
    {
        var number = AsNumber(value, path, "a decimal number");
        try
        {
            return number.ToDecimal();
        }
        catch (OverflowException)
        {
            throw Config.WrongType(path, value, "a decimal number", "it is out of range for decimal");
        }
    }

    public static TimeSpan ToDuration(HoconValue value, string path)
    {
        string? error;
        TimeSpan result;
        switch (value)
        {
            case HoconNumber n:
                if (HoconDuration.FromMilliseconds(n.Text, SafeDecimal(n), out result, out error))
                {
                    return result;
                }
                break;
            case HoconString s:
                if (HoconDuration.TryParse(s.Value, out result, out error))
                {
                    return result;
                }
                break;
            default:
                throw Config.WrongType(path, value, "a duration", "write a duration like 5s, 100ms or 2 minutes");
        }
        throw Config.WrongType(path, value, "a duration", error);
    }

    public static long ToBytes(HoconValue value, string path)
    {
        string? error;
        long result;
        switch (value)
        {
            case HoconNumber n:
                if (HoconSize.FromBytes(n.Text, SafeDecimal(n), 1m, out result, out error))
                {
                    return result;
                }
                break;
            case HoconString s:
                if (HoconSize.TryParse(s.Value, out result, out error))
                {
                    return result;
                }
                break;
            default:
                throw Config.WrongType(path, value, "a size in bytes", "write a size like 512K, 10MB or 1GiB");
        }
        throw Config.WrongType(path, value, "a size in bytes", error);
    }

    public static HoconPeriod ToPeriod(HoconValue value, string path)
    {
        string? error;
        HoconPeriod result;
        switch (value)
        {
            case HoconNumber n when n.TryGetInt64(out var days) && days is >= int.MinValue and <= int.MaxValue:
                return new HoconPeriod(0, 0, (int)days);
            case HoconString s:
                if (HoconPeriod.TryParse(s.Value, out result, out error))
                {
                    return result;
                }
                break;
            default:
                throw Config.WrongType(path, value, "a period", "write a period like 3d, 2 weeks, 6mo or 1y");
        }
        throw Config.WrongType(path, value, "a period", error);
    }

    public static HoconArray ToArray(HoconValue value, string path) => value switch
    {
        HoconArray array => array,
        HoconObject obj when NumericKeys.ToArray(obj) is { } converted => converted,
        _ => throw Config.WrongType(path, value, "a list"),
    };

    private static decimal SafeDecimal(HoconNumber n)
    {
        try
        {
            return n.ToDecimal();
        }
        catch (OverflowException)
        {
            return n.ToDouble() > 0 ? decimal.MaxValue : decimal.MinValue;
        }
    }

    private static HoconNumber AsNumber(HoconValue value, string path, string expected)
    {
        switch (value)
        {
            case HoconNumber n:
                return n;
            case HoconString s:
                var text = s.Value.Trim();
                if (NumberText.IsNumber(text, out var isInteger, out var integer))
                {
                    return new HoconNumber(text, isInteger, integer, value);
                }
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !text.Contains("NaN", StringComparison.OrdinalIgnoreCase) && !text.Contains("Infinity", StringComparison.OrdinalIgnoreCase))
                {
                    return new HoconNumber(text, false, 0, value);
                }
                break;
        }
        throw Config.WrongType(path, value, expected);
    }
}
