using System.Globalization;
using System.Xml;
using Agents.Hocon;

namespace Agents.Node.Management;

/// <summary>
/// Durations in the agents API: written the HOCON way (<c>10s</c>, <c>500ms</c>, <c>2m</c>), read in that form, as ISO 8601
/// (<c>PT10S</c>) or as a .NET time span (<c>00:00:10</c>), so that a definition from a <c>.conf</c> file, from a script
/// and from an earlier answer of the API all read the same.
/// </summary>
internal static class DurationText
{
    /// <summary>How a duration is written in the API's answers: in the largest unit that holds it whole.</summary>
    public static string Format(TimeSpan duration)
    {
        var ticks = duration.Ticks;
        if (ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            return (ticks / (decimal)TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        (long Ticks, string Unit)[] units =
            [(TimeSpan.TicksPerDay, "d"), (TimeSpan.TicksPerHour, "h"), (TimeSpan.TicksPerMinute, "m"), (TimeSpan.TicksPerSecond, "s")];
        foreach (var (perUnit, unit) in units)
        {
            if (ticks != 0 && ticks % perUnit == 0)
            {
                return (ticks / perUnit).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return (ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>Reads <paramref name="text"/> as a duration; false with the reason when it is not one.</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = default;
        error = "";
        var trimmed = text.Trim();
        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration))
            {
                return true;
            }
        }
        else if (trimmed.StartsWith('P') || trimmed.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(trimmed);
                return true;
            }
            catch (FormatException)
            {
                // Not ISO 8601 either: the error below says which forms are.
            }
        }
        else if (HoconDuration.TryParse(trimmed, out duration))
        {
            return true;
        }

        error = $"'{text}' is not a duration: write a number with a unit (10s, 500ms, 2m, 1h), ISO 8601 (PT10S) or hh:mm:ss (00:00:10)";
        return false;
    }
}
