using Agents.Actors;

namespace Agents.TestKit;

/// <summary>What the kit and its probes share: the system, the settings and the virtual clock.</summary>
internal sealed class TestKitContext(ActorSystem system, TestKitSettings settings, ManualTimeProvider? time)
{
    private int _probeCounter;

    public ActorSystem System { get; } = system;

    public TestKitSettings Settings { get; } = settings;

    public ManualTimeProvider? Time { get; } = time;

    /// <summary>The clock <c>Within</c> measures: virtual when the system runs on virtual time.</summary>
    public TimeProvider Clock => Time ?? TimeProvider.System;

    public string NextProbeName() => $"testActor{Interlocked.Increment(ref _probeCounter)}";

    /// <summary>
    /// Waits (in real time, at most <see cref="TestKitSettings.ExpectTimeout"/>) until no mailbox of the
    /// system is scheduled or running. Work outside actors (tasks being awaited) is not observed.
    /// </summary>
    public async Task SettleAsync()
    {
        if (System.ActivityTracker is not { } tracker)
        {
            return;
        }
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var remaining = Settings.ExpectTimeout - TimeProvider.System.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }
            try
            {
                await tracker.WhenIdle().WaitAsync(remaining).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return;
            }
            if (tracker.InFlight == 0)
            {
                return;
            }
        }
    }
}
