using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Lifecycle;

public sealed class LifecycleSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class Recorder : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly int _instance;
        private int _received;

        public Recorder(IActorRef probe, int instance)
        {
            _probe = probe;
            _instance = instance;
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("failing on purpose"));
            Receive<string>(s => s == "count", _ => Sender.Tell(_received, Self));
            Receive<string>(s => s == "instance", _ => Sender.Tell(_instance, Self));
            Receive<string>(s => s == "child", _ => Sender.Tell(Context.ActorOf(Props.Create(() => new Recorder(_probe, 0)), "child"), Self));
            ReceiveAny(_ => _received++);
        }

        protected override void PreStart() => _probe.Tell($"prestart {_instance}", Self);

        protected override void PostStop() => _probe.Tell($"poststop {_instance}", Self);

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell($"prerestart {_instance} {reason.GetType().Name} {message}", Self);
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _probe.Tell($"postrestart {_instance}", Self);
            base.PostRestart(reason);
        }
    }

    private sealed class KeepsChildren(IActorRef probe) : ReceiveActor
    {
        private readonly IActorRef _probe = probe;

        protected override void PreStart()
        {
            if (Context.Child("kept") is null)
            {
                Context.ActorOf(Props.Create(() => new Recorder(_probe, 7)), "kept");
            }
            Become(message =>
            {
                if (message is "fail")
                {
                    throw new InvalidOperationException("parent fails");
                }
                Sender.Tell(Context.Child("kept")!, Self);
                return true;
            });
        }

        protected override void PreRestart(Exception reason, object? message)
        {
        }
    }

    private sealed class FailsInConstructor : ReceiveActor
    {
        public FailsInConstructor() => throw new InvalidOperationException("cannot start");
    }

    private sealed class AsyncInit : ReceiveActor
    {
        private readonly TaskCompletionSource _ready;
        private bool _initialized;

        public AsyncInit(TaskCompletionSource ready)
        {
            _ready = ready;
            ReceiveAny(_ => Sender.Tell(_initialized, Self));
        }

        protected override void PreStart() => RunTask(async () =>
        {
            await _ready.Task;
            _initialized = true;
        });
    }

    [Fact]
    public void PreStart_runs_before_the_first_message()
    {
        var actor = ActorOf(() => new Recorder(TestActor, 1));

        actor.Tell("count");

        ExpectMsg("prestart 1");
        ExpectMsg(0);
    }

    [Fact]
    public void PostStop_runs_once_when_the_actor_stops()
    {
        var actor = ActorOf(() => new Recorder(TestActor, 1));
        ExpectMsg("prestart 1");

        Sys.Stop(actor);
        actor.Tell(PoisonPill.Instance);

        ExpectMsg("poststop 1");
        ExpectNoMsg();
    }

    [Fact]
    public void Restart_calls_PreRestart_with_the_failing_message_then_PostRestart_on_a_new_instance()
    {
        var instances = 0;
        var actor = ActorOf(() => new Recorder(TestActor, ++instances));
        ExpectMsg("prestart 1");

        actor.Tell("fail");

        ExpectMsg("prerestart 1 InvalidOperationException fail");
        ExpectMsg("poststop 1");
        ExpectMsg("postrestart 2");
        ExpectMsg("prestart 2");
    }

    [Fact]
    public void The_props_factory_runs_again_on_each_restart()
    {
        var instances = 0;
        var actor = ActorOf(() => new Recorder(Sys.DeadLetters, ++instances));

        actor.Tell("fail");
        actor.Tell("fail");
        actor.Tell("instance");

        ExpectMsg(3);
    }

    [Fact]
    public void A_restart_keeps_the_mailbox_and_does_not_retry_the_failing_message()
    {
        var actor = ActorOf(() => new Recorder(Sys.DeadLetters, 1));

        actor.Tell("a");
        actor.Tell("fail");
        actor.Tell("b");
        actor.Tell("c");
        actor.Tell("count");

        ExpectMsg(2);
    }

    [Fact]
    public void A_restart_stops_the_children_by_default()
    {
        var parent = ActorOf(() => new Recorder(TestActor, 1));
        ExpectMsg("prestart 1");
        parent.Tell("child");
        var child = ExpectMsg<IActorRef>();
        ExpectMsg("prestart 0");
        Watch(child);

        parent.Tell("fail");

        FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
    }

    [Fact]
    public void Children_kept_by_an_overridden_PreRestart_are_restarted_too()
    {
        var parent = ActorOf(() => new KeepsChildren(TestActor));
        ExpectMsg("prestart 7");
        parent.Tell("which");
        var child = ExpectMsg<IActorRef>();

        parent.Tell("fail");

        ExpectMsg("prerestart 7 InvalidOperationException ");
        ExpectMsg("poststop 7");
        ExpectMsg("postrestart 7");
        ExpectMsg("prestart 7");
        parent.Tell("which");
        Assert.Equal(child, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void A_constructor_failure_stops_the_actor()
    {
        var actor = ActorOf(() => new FailsInConstructor());
        Watch(actor);

        ExpectTerminated(actor);
    }

    [Fact]
    public void A_constructor_failure_is_logged_as_an_initialization_failure()
    {
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() => ActorOf(() => new FailsInConstructor(), "broken"));
    }

    [Fact]
    public void Stopping_a_parent_stops_its_children_before_the_parent()
    {
        var parent = ActorOf(() => new Recorder(TestActor, 1));
        ExpectMsg("prestart 1");
        parent.Tell("child");
        ExpectMsg<IActorRef>();
        ExpectMsg("prestart 0");

        Sys.Stop(parent);

        ExpectMsg("poststop 0");
        ExpectMsg("poststop 1");
    }

    [Fact]
    public void An_actor_created_with_new_outside_ActorOf_is_rejected()
    {
        var error = Assert.Throws<ActorInitializationException>(() => new Recorder(TestActor, 1));

        Assert.Contains("ActorOf", error.Message);
    }

    [Fact]
    public void RunTask_in_PreStart_holds_messages_until_initialization_completes()
    {
        var ready = new TaskCompletionSource();
        var actor = ActorOf(() => new AsyncInit(ready));

        actor.Tell("initialized?");
        ExpectNoMsg();
        ready.SetResult();

        ExpectMsg(true);
    }

    [Fact]
    public void Props_created_from_constructor_arguments_create_the_actor()
    {
        var actor = Sys.ActorOf(Props.Create<Recorder>(TestActor, 5));

        ExpectMsg("prestart 5");
        actor.Tell("instance");
        ExpectMsg(5);
    }

    [Fact]
    public void Props_with_arguments_no_constructor_accepts_fail_to_start()
    {
        var actor = Sys.ActorOf(Props.Create<Recorder>("wrong"));
        Watch(actor);

        ExpectTerminated(actor);
    }
}
