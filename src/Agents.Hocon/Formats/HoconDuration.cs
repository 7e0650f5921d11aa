namespace Agents.Hocon;

/// <summary>
/// HOCON durations: a number and an optional lowercase unit, e.g. <c>5s</c>, <c>100 ms</c>,
/// <c>1.5 hours</c>. Units: <c>ns</c>, <c>us</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c> and their
/// long forms (<c>nanosecond(s)</c>, <c>micro(s)</c>, <c>millis</c>, <c>second(s)</c>, <c>minute(s)</c>,
/// <c>hour(s)</c>, <c>day(s)</c>). A bare number is milliseconds. <see cref="TimeSpan"/> keeps 100 ns
/// ticks, so finer values are truncated.
/// </summary>
public static class HoconDuration
{
    /// <summary>Parses a duration; throws <see cref="FormatException"/> naming the problem.</summary>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value, out var error) ? value : throw new FormatException(error);
    }

    /// <summary>Parses a duration; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string text, out TimeSpan value) => TryParse(text, out value, out _);

    internal static bool TryParse(string text, out TimeSpan value, out string? error)
    {
        value = default;
        if (!Formats.UnitText.Split(text, out var number, out var unit))
        {
            error = $"'{text}' is not a duration: expected a number with an optional unit such as 5s, 100ms or 2 minutes";
            return false;
        }
        var nanosPerUnit = NanosecondsPer(unit);
        if (nanosPerUnit is null)
        {
            error = $"'{text}' has an unknown duration unit '{unit}'; use ns, us, ms, s, m, h or d (lowercase) or their long forms";
            return false;
        }
        if (!Formats.UnitText.TryParseDecimal(number, out var amount))
        {
            error = $"'{text}' is not a duration: '{number}' is not a number";
            return false;
        }
        return FromNanoseconds(text, amount, nanosPerUnit.Value, out value, out error);
    }

    /// <summary>A number value read as a duration: milliseconds.</summary>
    internal static bool FromMilliseconds(string text, decimal milliseconds, out TimeSpan value, out string? error) =>
        FromNanoseconds(text, milliseconds, 1_000_000m, out value, out error);

    private static bool FromNanoseconds(string text, decimal amount, decimal nanosPerUnit, out TimeSpan value, out string? error)
    {
        value = default;
        decimal ticks;
        try
        {
            ticks = decimal.Truncate(amount * nanosPerUnit / 100m);
        }
        catch (OverflowException)
        {
            error = $"'{text}' is too long a duration for TimeSpan";
            return false;
        }
        if (ticks > long.MaxValue || ticks < long.MinValue)
        {
            error = $"'{text}' is too long a duration for TimeSpan";
            return false;
        }
        value = TimeSpan.FromTicks((long)ticks);
        error = null;
        return true;
    }

    private static decimal? NanosecondsPer(string unit)
    {
        // The reference implementation accepts the singular of every long form by adding an 's'.
        if (unit.Length > 2 && !unit.EndsWith('s'))
        {
            unit += "s";
        }
        return unit switch
        {
            "" or "ms" or "millis" or "milliseconds" => 1_000_000m,
            "ns" or "nanos" or "nanoseconds" => 1m,
            "us" or "micros" or "microseconds" => 1_000m,
            "s" or "seconds" => 1_000_000_000m,
            "m" or "minutes" => 60_000_000_000m,
            "h" or "hours" => 3_600_000_000_000m,
            "d" or "days" => 86_400_000_000_000m,
            _ => null,
        };
    }
}
