using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Scheduling;

public sealed class SchedulerSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void ScheduleTellOnce_delivers_after_the_delay()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromHours(1), TestActor, "later", null);

        ExpectNoMsg(TimeSpan.FromMinutes(59));
        Advance(TimeSpan.FromMinutes(1));

        ExpectMsg("later");
    }

    [Fact]
    public void ScheduleTellRepeatedly_delivers_at_every_interval()
    {
        Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TestActor, "tick", null);

        Advance(TimeSpan.FromSeconds(10));
        ExpectMsg("tick");
        Advance(TimeSpan.FromMinutes(3));

        ReceiveN(3);
        ExpectNoMsg(TimeSpan.FromSeconds(59));
    }

    [Fact]
    public void A_cancelled_schedule_does_not_deliver()
    {
        var scheduled = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), TestActor, "never", null);

        scheduled.Cancel();

        Assert.True(scheduled.IsCancellationRequested);
        ExpectNoMsg(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_cancelled_repeated_schedule_stops_delivering()
    {
        var scheduled = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "tick", null);
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");

        scheduled.Cancel();

        ExpectNoMsg(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Schedules_fire_in_due_order_and_in_scheduling_order_when_due_together()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(3), TestActor, "c", null);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "a", null);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor, "b1", null);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor, "b2", null);

        Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["a", "b1", "b2", "c"], ReceiveN(4));
    }

    [Fact]
    public void ScheduleOnce_runs_the_action_when_due()
    {
        var ran = false;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => ran = true);

        Advance(TimeSpan.FromSeconds(1));

        Assert.True(ran);
    }

    [Fact]
    public void The_scheduler_reads_the_system_clock()
    {
        Advance(TimeSpan.FromDays(2));

        Assert.Equal(Time.GetUtcNow(), Sys.Scheduler.Now);
    }

    [Fact]
    public void A_failing_scheduled_action_is_logged_and_the_scheduler_goes_on()
    {
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => throw new InvalidOperationException("broken action"));
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor, "still running", null);

        EventFilter.Exception<InvalidOperationException>("broken action").ExpectOne(() => Advance(TimeSpan.FromSeconds(2)));

        ExpectMsg("still running");
    }
}
