using System.Diagnostics;

namespace Agents.EmbeddedPostgres.Tests;

/// <summary>Waits for a condition another process brings about, checking it every few milliseconds, up to a bound.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>True as soon as <paramref name="condition"/> holds; false when it still does not after <paramref name="bound"/>.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan bound)
    {
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(Interval);
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > bound)
            {
                return false;
            }

            await timer.WaitForNextTickAsync();
        }

        return true;
    }
}
