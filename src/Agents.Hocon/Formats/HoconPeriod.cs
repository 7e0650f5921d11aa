namespace Agents.Hocon;

/// <summary>
/// A date-based amount of time, e.g. <c>2 weeks</c>, <c>3mo</c>, <c>1y</c>: an integer and an optional
/// unit <c>d</c>/<c>day(s)</c>, <c>w</c>/<c>week(s)</c> (7 days), <c>m</c>/<c>mo</c>/<c>month(s)</c>,
/// <c>y</c>/<c>year(s)</c>. A bare number is days.
/// </summary>
/// <param name="Years">Whole years.</param>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days (weeks are counted as 7 days).</param>
public readonly record struct HoconPeriod(int Years, int Months, int Days)
{
    /// <summary>Adds the period to a date: years, then months, then days.</summary>
    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddYears(Years).AddMonths(Months).AddDays(Days);

    /// <summary>Parses a period; throws <see cref="FormatException"/> naming the problem.</summary>
    public static HoconPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value, out var error) ? value : throw new FormatException(error);
    }

    /// <summary>Parses a period; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string text, out HoconPeriod period) => TryParse(text, out period, out _);

    internal static bool TryParse(string text, out HoconPeriod period, out string? error)
    {
        period = default;
        if (!Formats.UnitText.Split(text, out var number, out var unit) ||
            !int.TryParse(number, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            error = $"'{text}' is not a period: expected a whole number with an optional unit such as 3d, 2 weeks, 6mo or 1y";
            return false;
        }
        if (unit.Length > 2 && !unit.EndsWith('s'))
        {
            unit += "s";
        }
        error = null;
        switch (unit)
        {
            case "" or "d" or "days":
                period = new HoconPeriod(0, 0, amount);
                return true;
            case "w" or "weeks":
                if (amount is > int.MaxValue / 7 or < int.MinValue / 7)
                {
                    error = $"'{text}' is too many weeks";
                    return false;
                }
                period = new HoconPeriod(0, 0, amount * 7);
                return true;
            case "m" or "mo" or "months":
                period = new HoconPeriod(0, amount, 0);
                return true;
            case "y" or "years":
                period = new HoconPeriod(amount, 0, 0);
                return true;
            default:
                error = $"'{text}' has an unknown period unit '{unit}'; use d, w, mo (or m) or y, or their long forms";
                return false;
        }
    }
}
