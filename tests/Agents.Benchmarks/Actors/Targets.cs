using System.Globalization;

namespace Agents.Benchmarks.Actors;

/// <summary>Formats a target with its verdict, so the table says pass or miss beside each figure.</summary>
internal static class Targets
{
    public static string AtLeast(double value, double target, string text) =>
        $"{text}: {(value >= target ? "pass" : "MISS")}";

    public static string AtMost(double value, double target, string text) =>
        $"{text}: {(value <= target ? "pass" : "MISS")}";

    public static string Millions(double perSecond) => (perSecond / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " M";
}
