using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Supervision;

public sealed class SupervisionSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class ResumableException(string message) : Exception(message);

    private sealed class RestartableException(string message) : Exception(message);

    private sealed class StoppingException(string message) : Exception(message);

    private sealed class EscalatingException(string message) : Exception(message);

    private static Directive Decide(Exception exception) => exception switch
    {
        ResumableException => Directive.Resume,
        RestartableException => Directive.Restart,
        StoppingException => Directive.Stop,
        _ => Directive.Escalate,
    };

    /// <summary>Counts messages; throws what it is sent.</summary>
    private sealed class Worker : ReceiveActor
    {
        private int _state;

        private readonly IActorRef _probe;

        public Worker(IActorRef probe)
        {
            _probe = probe;
            Receive<Exception>(e => throw e);
            Receive<string>(s => s == "state", _ => Sender.Tell(_state, Self));
            Receive<int>(n => _state += n);
        }

        protected override void PostStop() => _probe.Tell($"stopped {Self.Path.Name}", Self);
    }

    private sealed class Supervisor : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;

        public Supervisor(SupervisorStrategy strategy, IActorRef probe)
        {
            _strategy = strategy;
            Receive<(string Command, string Name)>(c => c.Command == "create",
                c => Sender.Tell(Context.ActorOf(Props.Create(() => new Worker(probe)), c.Name), Self));
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;

        protected override void PreRestart(Exception reason, object? message)
        {
            Context.Parent.Tell($"supervisor restarting after {reason.GetType().Name}", Self);
            base.PreRestart(reason, message);
        }
    }

    private sealed class TopLevel : ReceiveActor
    {
        public TopLevel(SupervisorStrategy childStrategy, IActorRef probe)
        {
            var supervisor = Context.ActorOf(Props.Create(() => new Supervisor(childStrategy, probe)), "supervisor");
            ReceiveAny(m =>
            {
                if (m is string text && text.StartsWith("supervisor restarting", StringComparison.Ordinal))
                {
                    probe.Tell(text, Self);
                }
                else
                {
                    supervisor.Forward(m);
                }
            });
        }
    }

    private IActorRef CreateWorker(IActorRef supervisor, string name)
    {
        supervisor.Tell(("create", name));
        return ExpectMsg<IActorRef>();
    }

    private IActorRef CreateSupervisor(SupervisorStrategy strategy) => ActorOf(() => new Supervisor(strategy, TestActor));

    [Fact]
    public void Resume_keeps_the_actor_state()
    {
        var supervisor = CreateSupervisor(new OneForOneStrategy(Decide));
        var worker = CreateWorker(supervisor, "w");
        worker.Tell(5);

        worker.Tell(new ResumableException("minor"));
        worker.Tell("state");

        ExpectMsg(5);
    }

    [Fact]
    public void Restart_replaces_the_actor_state()
    {
        var supervisor = CreateSupervisor(new OneForOneStrategy(Decide));
        var worker = CreateWorker(supervisor, "w");
        worker.Tell(5);

        worker.Tell(new RestartableException("reset"));
        worker.Tell("state");

        ExpectMsg("stopped w");
        ExpectMsg(0);
    }

    [Fact]
    public void Stop_stops_the_failed_child()
    {
        var supervisor = CreateSupervisor(new OneForOneStrategy(Decide));
        var worker = CreateWorker(supervisor, "w");
        Watch(worker);

        worker.Tell(new StoppingException("fatal"));

        ExpectMsg("stopped w");
        ExpectTerminated(worker);
    }

    [Fact]
    public void Escalate_fails_the_supervisor_which_its_own_supervisor_restarts()
    {
        var top = ActorOf(() => new TopLevel(new OneForOneStrategy(Decide), TestActor));
        top.Tell(("create", "w"));
        var worker = ExpectMsg<IActorRef>();
        Watch(worker);

        worker.Tell(new EscalatingException("up"));

        // Either may come first: the restart notice goes through the top-level actor, the worker's stop comes straight.
        ExpectMsgAllOf("supervisor restarting after EscalatingException", "stopped w");
        ExpectTerminated(worker);
    }

    [Fact]
    public void OneForOne_restarts_only_the_failed_child()
    {
        var supervisor = CreateSupervisor(new OneForOneStrategy(Decide));
        var failing = CreateWorker(supervisor, "failing");
        var sibling = CreateWorker(supervisor, "sibling");
        sibling.Tell(3);

        failing.Tell(new RestartableException("only me"));
        ExpectMsg("stopped failing");
        sibling.Tell("state");

        ExpectMsg(3);
    }

    [Fact]
    public void AllForOne_restarts_every_child()
    {
        var supervisor = CreateSupervisor(new AllForOneStrategy(Decide));
        var failing = CreateWorker(supervisor, "failing");
        var sibling = CreateWorker(supervisor, "sibling");
        sibling.Tell(3);

        failing.Tell(new RestartableException("all of us"));
        ExpectMsgAllOf("stopped failing", "stopped sibling");
        sibling.Tell("state");

        ExpectMsg(0);
    }

    [Fact]
    public void AllForOne_stop_stops_every_child()
    {
        var supervisor = CreateSupervisor(new AllForOneStrategy(Decide));
        var failing = CreateWorker(supervisor, "failing");
        var sibling = CreateWorker(supervisor, "sibling");
        Watch(sibling);

        failing.Tell(new StoppingException("all of us"));

        ExpectMsgAllOf("stopped failing", "stopped sibling");
        ExpectTerminated(sibling);
    }

    [Fact]
    public void More_restarts_than_allowed_within_the_window_stop_the_child()
    {
        var supervisor = CreateSupervisor(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), Decide));
        var worker = CreateWorker(supervisor, "w");
        Watch(worker);

        for (var i = 0; i < 3; i++)
        {
            worker.Tell(new RestartableException($"failure {i}"));
            ExpectMsg("stopped w");
        }

        ExpectTerminated(worker);
    }

    [Fact]
    public void Restarts_spread_beyond_the_window_are_allowed()
    {
        var supervisor = CreateSupervisor(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), Decide));
        var worker = CreateWorker(supervisor, "w");

        for (var i = 0; i < 5; i++)
        {
            worker.Tell(new RestartableException($"failure {i}"));
            ExpectMsg("stopped w");
            Advance(TimeSpan.FromSeconds(35));
        }
        worker.Tell("state");

        ExpectMsg(0);
    }

    [Fact]
    public void Zero_retries_stop_the_child_on_its_first_failure()
    {
        var supervisor = CreateSupervisor(new OneForOneStrategy(0, null, Decide));
        var worker = CreateWorker(supervisor, "w");
        Watch(worker);

        worker.Tell(new RestartableException("once"));

        ExpectMsg("stopped w");
        ExpectTerminated(worker);
    }

    [Fact]
    public void The_default_strategy_restarts_on_ordinary_exceptions()
    {
        var worker = ActorOf(() => new Worker(TestActor), "w");
        worker.Tell(4);

        worker.Tell(new InvalidOperationException("boom"));
        worker.Tell("state");

        ExpectMsg("stopped w");
        ExpectMsg(0);
    }

    [Fact]
    public void A_restart_is_logged_with_the_exception()
    {
        var worker = ActorOf(() => new Worker(TestActor), "logged");

        EventFilter.Exception<InvalidOperationException>("kaboom").ExpectOne(() => worker.Tell(new InvalidOperationException("kaboom")));

        var entry = Logs.Entries.Snapshot().Single(e => e.Exception is InvalidOperationException);
        Assert.Equal("agents://test/user/logged", entry.ActorPath);
    }

    [Fact]
    public void A_strategy_given_in_the_props_supervises_the_children()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new PropsStrategySupervisor(TestActor)).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy));
        supervisor.Tell("create");
        var worker = ExpectMsg<IActorRef>();
        Watch(worker);

        worker.Tell(new InvalidOperationException("stop me"));

        ExpectMsg("stopped w");
        ExpectTerminated(worker);
    }

    private sealed class PropsStrategySupervisor : ReceiveActor
    {
        public PropsStrategySupervisor(IActorRef probe) =>
            Receive<string>(_ => Sender.Tell(Context.ActorOf(Props.Create(() => new Worker(probe)), "w"), Self));
    }

    [Fact]
    public void Messages_sent_while_a_child_waits_for_its_supervisor_are_processed_after_the_restart()
    {
        var supervisor = CreateSupervisor(new OneForOneStrategy(Decide));
        var worker = CreateWorker(supervisor, "w");

        worker.Tell(new RestartableException("first"));
        for (var i = 0; i < 100; i++)
        {
            worker.Tell(1);
        }
        worker.Tell("state");

        ExpectMsg("stopped w");
        ExpectMsg(100);
    }
}
