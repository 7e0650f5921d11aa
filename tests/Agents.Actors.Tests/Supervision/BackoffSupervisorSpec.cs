using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Supervision;

public sealed class BackoffSupervisorSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    private sealed class Child : ReceiveActor
    {
        public Child(IActorRef probe)
        {
            probe.Tell("started", Self);
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("child failure"));
            Receive<string>(s => Sender.Tell($"echo {s}", Self));
        }
    }

    private IActorRef StartSupervisor(BackoffOptions options)
    {
        var supervisor = ActorOf(options.Props(), "backoff");
        ExpectMsg("started");
        return supervisor;
    }

    private IActorRef CurrentChild(IActorRef supervisor)
    {
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance);
        return ExpectMsg<BackoffSupervisor.CurrentChild>().Ref!;
    }

    private BackoffOptions OnStop() => BackoffOptions.OnStop(Props.Create(() => new Child(TestActor)), "child", Min, Max, 0);

    [Fact]
    public void A_stopped_child_is_restarted_after_the_minimum_backoff()
    {
        var supervisor = StartSupervisor(OnStop());

        supervisor.Tell("stop");
        ExpectNoMsg(Min - TimeSpan.FromMilliseconds(1));
        Advance(TimeSpan.FromMilliseconds(1));

        ExpectMsg("started");
    }

    [Fact]
    public void The_backoff_doubles_with_each_consecutive_restart()
    {
        var supervisor = StartSupervisor(OnStop().WithManualReset());

        supervisor.Tell("stop");
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("started");
        supervisor.Tell("stop");
        ExpectNoMsg(TimeSpan.FromSeconds(1.9));
        Advance(TimeSpan.FromSeconds(0.1));
        ExpectMsg("started");
        supervisor.Tell("stop");
        ExpectNoMsg(TimeSpan.FromSeconds(3.9));
        Advance(TimeSpan.FromSeconds(0.1));

        ExpectMsg("started");
    }

    [Fact]
    public void The_backoff_is_capped_at_the_maximum()
    {
        var supervisor = StartSupervisor(OnStop().WithManualReset());
        foreach (var delay in new[] { 1, 2, 4, 8 })
        {
            supervisor.Tell("stop");
            Advance(TimeSpan.FromSeconds(delay));
            ExpectMsg("started");
        }

        supervisor.Tell("stop");
        ExpectNoMsg(TimeSpan.FromSeconds(9.9));
        Advance(TimeSpan.FromSeconds(0.1));

        ExpectMsg("started");
    }

    [Fact]
    public void The_restart_count_resets_after_a_stable_period()
    {
        var supervisor = StartSupervisor(OnStop().WithAutoReset(TimeSpan.FromSeconds(30)));
        supervisor.Tell("stop");
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("started");
        supervisor.Tell("stop");
        Advance(TimeSpan.FromSeconds(2));
        ExpectMsg("started");

        Advance(TimeSpan.FromSeconds(30));
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance);
        ExpectMsg(new BackoffSupervisor.RestartCount(0));
        supervisor.Tell("stop");
        Advance(TimeSpan.FromSeconds(1));

        ExpectMsg("started");
    }

    [Fact]
    public void On_failure_a_failed_child_is_restarted_after_the_backoff()
    {
        var options = BackoffOptions.OnFailure(Props.Create(() => new Child(TestActor)), "child", Min, Max, 0);
        var supervisor = StartSupervisor(options);

        supervisor.Tell("fail");
        ExpectNoMsg(TimeSpan.FromMilliseconds(999));
        Advance(TimeSpan.FromMilliseconds(1));

        ExpectMsg("started");
    }

    [Fact]
    public void On_failure_a_child_that_stops_by_itself_stops_the_supervisor()
    {
        var options = BackoffOptions.OnFailure(Props.Create(() => new Child(TestActor)), "child", Min, Max, 0);
        var supervisor = StartSupervisor(options);
        Watch(supervisor);

        supervisor.Tell("stop");

        ExpectTerminated(supervisor);
    }

    [Fact]
    public void The_supervisor_gives_up_after_the_maximum_number_of_retries()
    {
        var supervisor = StartSupervisor(OnStop().WithMaxNrOfRetries(1));
        Watch(supervisor);
        supervisor.Tell("stop");
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("started");

        supervisor.Tell("stop");

        ExpectTerminated(supervisor);
    }

    [Fact]
    public void Messages_are_forwarded_to_the_child_with_their_sender()
    {
        var supervisor = StartSupervisor(OnStop());

        supervisor.Tell("hello");

        ExpectMsg("echo hello");
        var replier = LastSender;
        Assert.Equal(CurrentChild(supervisor), replier);
    }

    [Fact]
    public void Messages_while_no_child_runs_become_dead_letters()
    {
        var supervisor = StartSupervisor(OnStop());
        var child = Watch(CurrentChild(supervisor));
        supervisor.Tell("stop");
        ExpectTerminated(child);
        Settle();
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance);
        ExpectMsg(new BackoffSupervisor.CurrentChild(null));

        supervisor.Tell("lost");

        ExpectDeadLetter<string>(s => s == "lost");
    }

    [Fact]
    public void The_delay_grows_exponentially_with_the_random_factor_on_top()
    {
        var options = BackoffOptions.OnStop(Props.Create(() => new Child(TestActor)), "child", Min, Max, 0.5);

        Assert.Equal(TimeSpan.FromSeconds(1), options.DelayFor(0, 0));
        Assert.Equal(TimeSpan.FromSeconds(4), options.DelayFor(2, 0));
        Assert.Equal(TimeSpan.FromSeconds(6), options.DelayFor(2, 1));
        Assert.Equal(TimeSpan.FromSeconds(10), options.DelayFor(10, 0));
        Assert.Equal(TimeSpan.FromSeconds(10), options.DelayFor(60, 0));
    }
}
