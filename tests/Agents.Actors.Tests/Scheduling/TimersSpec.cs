using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Scheduling;

public sealed class TimersSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed record Single(string Key, string Message, TimeSpan Delay);

    private sealed record Periodic(string Key, string Message, TimeSpan Interval);

    private sealed record CancelAfter(TaskCompletionSource Gate, string Key);

    private sealed class TimerActor : ReceiveActor
    {
        public TimerActor(IActorRef probe)
        {
            Receive<Single>(s => Timers.StartSingleTimer(s.Key, s.Message, s.Delay));
            Receive<Periodic>(p => Timers.StartPeriodicTimer(p.Key, p.Message, p.Interval));
            ReceiveAsync<CancelAfter>(async c =>
            {
                await c.Gate.Task;
                Timers.Cancel(c.Key);
            });
            Receive<string>(s => s.StartsWith("active?", StringComparison.Ordinal), s => probe.Tell(Timers.IsTimerActive(s[7..]), Self));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart"));
            Receive<string>(s => probe.Tell(s, Self));
        }
    }

    private IActorRef CreateTimerActor() => ActorOf(() => new TimerActor(TestActor));

    [Fact]
    public void A_single_timer_fires_once_after_its_delay()
    {
        var actor = CreateTimerActor();
        actor.Tell(new Single("k", "tick", TimeSpan.FromMinutes(5)));

        ExpectNoMsg(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Advance(TimeSpan.FromTicks(1));

        ExpectMsg("tick");
        ExpectNoMsg(TimeSpan.FromHours(1));
    }

    [Fact]
    public void A_periodic_timer_fires_every_interval()
    {
        var actor = CreateTimerActor();
        actor.Tell(new Periodic("k", "tick", TimeSpan.FromMinutes(5)));
        Settle();

        Advance(TimeSpan.FromMinutes(15));

        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectNoMsg(TimeSpan.FromMinutes(4));
    }

    [Fact]
    public void A_single_timer_is_no_longer_active_after_it_fired()
    {
        var actor = CreateTimerActor();
        actor.Tell(new Single("k", "tick", TimeSpan.FromSeconds(1)));
        actor.Tell("active?k");
        ExpectMsg(true);

        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        actor.Tell("active?k");

        ExpectMsg(false);
    }

    [Fact]
    public void A_timer_cancelled_after_its_message_was_queued_never_delivers_it()
    {
        var actor = CreateTimerActor();
        var gate = new TaskCompletionSource();
        actor.Tell(new Single("k", "tick", TimeSpan.FromSeconds(1)));
        actor.Tell(new CancelAfter(gate, "k"));
        Settle();
        Advance(TimeSpan.FromSeconds(1));

        gate.SetResult();

        ExpectNoMsg();
    }

    [Fact]
    public void Restarting_a_timer_with_the_same_key_replaces_it()
    {
        var actor = CreateTimerActor();
        actor.Tell(new Single("k", "old", TimeSpan.FromSeconds(1)));
        actor.Tell(new Single("k", "new", TimeSpan.FromSeconds(2)));
        Settle();

        Advance(TimeSpan.FromSeconds(2));

        ExpectMsg("new");
        ExpectNoMsg();
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_restarts()
    {
        var actor = CreateTimerActor();
        actor.Tell(new Periodic("k", "tick", TimeSpan.FromSeconds(1)));
        actor.Tell("fail");
        Settle();

        ExpectNoMsg(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_stops()
    {
        var actor = CreateTimerActor();
        actor.Tell(new Periodic("k", "tick", TimeSpan.FromSeconds(1)));
        Watch(actor);
        actor.Tell(PoisonPill.Instance);
        ExpectTerminated(actor);

        Assert.Equal(0, Sys.SchedulerImpl.PendingCount);
    }
}
