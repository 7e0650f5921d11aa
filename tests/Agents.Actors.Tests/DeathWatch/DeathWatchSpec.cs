using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.DeathWatch;

public sealed class DeathWatchSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class Idle : ReceiveActor
    {
        public Idle() => ReceiveAny(_ => { });
    }

    private sealed record WatchIt(IActorRef Target, object? Custom = null);

    private sealed record UnwatchIt(IActorRef Target);

    private sealed record UnwatchAfter(TaskCompletionSource Gate, IActorRef Target);

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe, bool handleTerminated = true)
        {
            Receive<WatchIt>(w =>
            {
                if (w.Custom is null)
                {
                    Context.Watch(w.Target);
                }
                else
                {
                    Context.WatchWith(w.Target, w.Custom);
                }
                Sender.Tell("watching", Self);
            });
            Receive<UnwatchIt>(u =>
            {
                Context.Unwatch(u.Target);
                Sender.Tell("unwatched", Self);
            });
            ReceiveAsync<UnwatchAfter>(async u =>
            {
                await u.Gate.Task;
                Context.Unwatch(u.Target);
                Sender.Tell("unwatched", Self);
            });
            if (handleTerminated)
            {
                Receive<Terminated>(t => probe.Tell(t, Self));
            }
            Receive<string>(s => probe.Tell(s, Self));
        }

        protected override void PostStop() => Context.Parent.Tell("watcher stopped", Self);
    }

    [Fact]
    public void A_watcher_receives_Terminated_when_the_watched_actor_stops()
    {
        var target = ActorOf(() => new Idle());
        var watcher = ActorOf(() => new Watcher(TestActor));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");

        Sys.Stop(target);

        var terminated = ExpectMsg<Terminated>();
        Assert.Equal(target, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Terminated_is_delivered_once_even_when_watched_twice()
    {
        var target = ActorOf(() => new Idle());
        var watcher = ActorOf(() => new Watcher(TestActor));
        watcher.Tell(new WatchIt(target));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");
        ExpectMsg("watching");

        Sys.Stop(target);

        ExpectMsg<Terminated>();
        ExpectNoMsg();
    }

    [Fact]
    public void Watching_an_actor_that_is_already_dead_delivers_Terminated()
    {
        var target = ActorOf(() => new Idle());
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);
        var watcher = ActorOf(() => new Watcher(TestActor));

        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");

        var terminated = ExpectMsg<Terminated>();
        Assert.Equal(target, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Unwatch_drops_a_Terminated_that_is_queued_but_not_yet_processed()
    {
        var target = ActorOf(() => new Idle());
        var watcher = ActorOf(() => new Watcher(TestActor));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");
        var gate = new TaskCompletionSource();
        watcher.Tell(new UnwatchAfter(gate, target));
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);
        Settle();

        gate.SetResult();

        ExpectMsg("unwatched");
        ExpectNoMsg();
    }

    [Fact]
    public void WatchWith_delivers_the_custom_message_instead_of_Terminated()
    {
        var target = ActorOf(() => new Idle());
        var watcher = ActorOf(() => new Watcher(TestActor));
        watcher.Tell(new WatchIt(target, "target is gone"));
        ExpectMsg("watching");

        Sys.Stop(target);

        ExpectMsg("target is gone");
    }

    [Fact]
    public void An_unhandled_Terminated_stops_the_watcher_with_a_DeathPactException()
    {
        var target = ActorOf(() => new Idle());
        var watcher = ActorOf(() => new Watcher(TestActor, handleTerminated: false));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");
        Watch(watcher);

        EventFilter.Exception<DeathPactException>().ExpectOne(() => Sys.Stop(target));

        ExpectTerminated(watcher);
    }

    [Fact]
    public void A_parent_watching_its_child_gets_one_Terminated()
    {
        var parent = ActorOf(() => new ParentWatchingChild(TestActor));
        var child = ExpectMsg<IActorRef>();

        child.Tell(PoisonPill.Instance);

        Assert.Equal(child, ExpectMsg<Terminated>().ActorRef);
        ExpectNoMsg();
        parent.Tell("children");
        ExpectMsg(0);
    }

    private sealed class ParentWatchingChild : ReceiveActor
    {
        public ParentWatchingChild(IActorRef probe)
        {
            var child = Context.Watch(Context.ActorOf(Props.Create(() => new Idle()), "child"));
            probe.Tell(child, Self);
            Receive<Terminated>(t => probe.Tell(t, Self));
            Receive<string>(_ => Sender.Tell(Context.Children.Count, Self));
        }
    }

    [Fact]
    public void The_name_of_a_stopped_child_can_be_reused_once_it_terminated()
    {
        var first = ActorOf(() => new Idle(), "reusable");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        AwaitAssert(() => Assert.NotNull(ActorOf(() => new Idle(), "reusable")));
    }

    [Fact]
    public void A_new_incarnation_with_the_same_path_is_a_different_ref()
    {
        var first = ActorOf(() => new Idle(), "same");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        IActorRef? second = null;

        AwaitAssert(() => second = ActorOf(() => new Idle(), "same"));

        Assert.Equal(first.Path, second!.Path);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Watching_dead_letters_delivers_Terminated()
    {
        Watch(Sys.DeadLetters);

        ExpectTerminated(Sys.DeadLetters);
    }

    private sealed class RestartingParent : ReceiveActor
    {
        public RestartingParent(IActorRef probe)
        {
            var child = Context.Watch(Context.ActorOf(Props.Create(() => new Idle()), "child"));
            probe.Tell(child, Self);
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("parent restarts"));
            Receive<Terminated>(t => probe.Tell($"terminated {t.ActorRef.Path.Name}", Self));
        }
    }

    [Fact]
    public void A_child_stopped_by_the_default_PreRestart_sends_no_Terminated_to_the_new_instance()
    {
        var parent = ActorOf(() => new RestartingParent(TestActor));
        var oldChild = ExpectMsg<IActorRef>();
        Watch(oldChild);

        parent.Tell("fail");

        var messages = ReceiveN(2);
        Assert.Contains(messages, m => m is Terminated t && t.ActorRef.Equals(oldChild));
        Assert.NotEqual(oldChild, messages.OfType<IActorRef>().Single());
        ExpectNoMsg();
    }
}
