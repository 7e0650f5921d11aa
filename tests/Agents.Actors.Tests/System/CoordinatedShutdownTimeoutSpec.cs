using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.System;

public sealed class CoordinatedShutdownTimeoutSpec(ITestOutputHelper output) : ActorTestKit(output, new ActorSystemSettings
{
    CoordinatedShutdown = new CoordinatedShutdownSettings
    {
        PhaseTimeouts = new Dictionary<string, TimeSpan> { [CoordinatedShutdown.PhaseServiceStop] = TimeSpan.FromSeconds(3) },
    },
})
{
    [Fact]
    public async Task A_phase_that_times_out_is_cancelled_and_the_shutdown_goes_on()
    {
        var cancelled = new TaskCompletionSource();
        Sys.CoordinatedShutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "hangs", async token =>
        {
            token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
        });

        var run = Sys.CoordinatedShutdown.Run(CoordinatedShutdownReason.Unknown);
        await AwaitConditionAsync(() => Time.ActiveTimerCount > 0, message: "the phase timeout was never armed");

        await EventFilter.Warning("service-stop timed out").ExpectOneAsync(() =>
        {
            Advance(TimeSpan.FromSeconds(3));
            return cancelled.Task;
        });
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }
}
