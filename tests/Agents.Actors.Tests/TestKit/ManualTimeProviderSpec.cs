using Agents.TestKit;

namespace Agents.Actors.Tests.TestKit;

public sealed class ManualTimeProviderSpec
{
    [Fact]
    public void Timers_fire_in_due_order_when_time_advances()
    {
        var time = new ManualTimeProvider();
        var fired = new List<string>();
        using var late = time.CreateTimer(_ => fired.Add("late"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add("early"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["early", "late"], fired);
    }

    [Fact]
    public void A_timer_does_not_fire_before_its_due_time()
    {
        var time = new ManualTimeProvider();
        var fired = false;
        using var timer = time.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(2.999));

        Assert.False(fired);
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_crossed()
    {
        var time = new ManualTimeProvider();
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(10.5));

        Assert.Equal(10, count);
    }

    [Fact]
    public void During_a_callback_the_clock_reads_the_due_time()
    {
        var time = new ManualTimeProvider();
        var seen = DateTimeOffset.MinValue;
        using var timer = time.CreateTimer(_ => seen = time.GetUtcNow(), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(1), seen);
        Assert.Equal(ManualTimeProvider.DefaultStart + TimeSpan.FromHours(1), time.GetUtcNow());
    }

    [Fact]
    public void A_disposed_or_disarmed_timer_does_not_fire()
    {
        var time = new ManualTimeProvider();
        var fired = 0;
        var disposed = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var disarmed = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        disposed.Dispose();
        disarmed.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, fired);
    }

    [Fact]
    public void Timestamps_advance_with_the_clock()
    {
        var time = new ManualTimeProvider();
        var start = time.GetTimestamp();

        time.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), time.GetElapsedTime(start));
    }

    [Fact]
    public void Task_Delay_on_the_provider_completes_when_time_advances()
    {
        var time = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(10), time);

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(delay.IsCompleted);
    }

    [Fact]
    public void Time_cannot_move_backwards()
    {
        var time = new ManualTimeProvider();
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.SetUtcNow(ManualTimeProvider.DefaultStart));
    }
}
