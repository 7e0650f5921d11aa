using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Dispatch;

public sealed class MailboxSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class Blocking : ReceiveActor
    {
        public Blocking(IActorRef probe)
        {
            ReceiveAsync<TaskCompletionSource>(gate => gate.Task);
            Receive<string>(s => s == "thread", _ => Sender.Tell(Thread.CurrentThread.Name ?? "(pool)", Self));
            ReceiveAny(m => probe.Tell(m, Self));
        }

        protected override void PostStop() => Context.Parent.Tell("stopped", Self);
    }

    [Fact]
    public void A_stop_overtakes_queued_user_messages()
    {
        var gate = new TaskCompletionSource();
        var actor = ActorOf(() => new Blocking(TestActor));
        actor.Tell(gate);
        actor.Tell("queued");
        Watch(actor);

        Sys.Stop(actor);
        gate.SetResult();

        ExpectTerminated(actor);
        ExpectDeadLetter<string>(s => s == "queued");
    }

    [Fact]
    public void A_full_bounded_mailbox_sends_new_messages_to_dead_letters()
    {
        var gate = new TaskCompletionSource();
        var actor = Sys.ActorOf(Props.Create(() => new Blocking(TestActor)).WithMailbox(MailboxOptions.Bounded(2)));
        actor.Tell(gate);
        Settle();

        actor.Tell(1);
        actor.Tell(2);
        actor.Tell(3);

        ExpectDeadLetter<int>(n => n == 3);
        gate.SetResult();
        ExpectMsg(1);
        ExpectMsg(2);
        ExpectNoMsg();
    }

    [Fact]
    public void A_full_bounded_mailbox_that_fails_the_sender_throws_from_Tell()
    {
        var gate = new TaskCompletionSource();
        var actor = Sys.ActorOf(Props.Create(() => new Blocking(TestActor)).WithMailbox(MailboxOptions.Bounded(1, MailboxOverflowStrategy.FailSender)), "bounded");
        actor.Tell(gate);
        Settle();
        actor.Tell(1);

        var error = Assert.Throws<MailboxFullException>(() => actor.Tell(2));

        Assert.Contains("/user/bounded", error.Message);
        gate.SetResult();
    }

    [Fact]
    public void A_bounded_mailbox_needs_a_positive_capacity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MailboxOptions.Bounded(0));
    }

    [Fact]
    public void The_pinned_dispatcher_runs_the_actor_on_its_own_thread()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Blocking(TestActor)).WithDispatcher(Dispatchers.PinnedDispatcherId), "pinned");

        actor.Tell("thread");

        Assert.Contains("/user/pinned", ExpectMsg<string>());
    }

    [Fact]
    public void A_pinned_actor_stops_like_any_other()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Blocking(TestActor)).WithDispatcher(Dispatchers.PinnedDispatcherId));
        Watch(actor);

        actor.Tell(PoisonPill.Instance);

        ExpectTerminated(actor);
    }

    [Fact]
    public void An_unknown_dispatcher_is_rejected_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create(() => new Blocking(TestActor)).WithDispatcher("fast")));

        Assert.Contains("Dispatchers.PinnedDispatcherId", error.Message);
    }

    [Fact]
    public void The_mailbox_depth_is_visible_to_routers()
    {
        var gate = new TaskCompletionSource();
        var actor = (LocalActorRef)ActorOf(() => new Blocking(TestActor));
        actor.Tell(gate);
        Settle();

        for (var i = 0; i < 10; i++)
        {
            actor.Tell(i);
        }

        Assert.Equal(10, actor.Mailbox.Count);
        gate.SetResult();
    }
}
