using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Behavior;

public sealed class AsyncHandlerSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed record Wait(TaskCompletionSource Gate, string Name);

    private sealed class Awaiter : ReceiveActor
    {
        private int _running;

        public Awaiter(IActorRef probe)
        {
            ReceiveAsync<Wait>(async w =>
            {
                if (Interlocked.Increment(ref _running) != 1)
                {
                    probe.Tell("overlap", Self);
                }
                probe.Tell($"begin {w.Name}", Self);
                await w.Gate.Task;
                await Task.Yield();
                probe.Tell($"end {w.Name} for {Sender.Path.Name} on {Self.Path.Name}", Self);
                Interlocked.Decrement(ref _running);
            });
            ReceiveAsync<string>(s => s == "fail later", async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("failed after await");
            });
            ReceiveAsync<string>(s => s == "done", _ => Task.CompletedTask);
            Receive<string>(s => probe.Tell(s, Self));
        }

        protected override void PostRestart(Exception reason) => Context.Parent.Tell($"restarted after {reason.Message}", Self);
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent(IActorRef probe)
        {
            var child = Context.ActorOf(Props.Create(() => new Awaiter(probe)), "awaiter");
            Receive<string>(s => s.StartsWith("restarted", StringComparison.Ordinal), s => probe.Tell(s, Self));
            ReceiveAny(m => child.Forward(m));
        }
    }

    [Fact]
    public void The_next_message_waits_until_the_awaited_handler_finished()
    {
        var actor = ActorOf(() => new Awaiter(TestActor), "awaiter");
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        second.SetResult();

        actor.Tell(new Wait(first, "first"));
        actor.Tell(new Wait(second, "second"));
        ExpectMsg("begin first");
        ExpectNoMsg();
        first.SetResult();

        ExpectMsg("end first for testActor1 on awaiter");
        ExpectMsg("begin second");
        ExpectMsg("end second for testActor1 on awaiter");
    }

    [Fact]
    public void Sender_and_Self_stay_valid_after_await()
    {
        var actor = ActorOf(() => new Awaiter(TestActor), "awaiter");
        var gate = new TaskCompletionSource();
        var other = CreateTestProbe("other");

        other.Send(actor, new Wait(gate, "one"));
        ExpectMsg("begin one");
        actor.Tell("in between");
        gate.SetResult();

        ExpectMsg("end one for other on awaiter");
        ExpectMsg("in between");
    }

    [Fact]
    public void An_exception_after_await_fails_the_actor()
    {
        var parent = ActorOf(() => new Parent(TestActor));

        parent.Tell("fail later");

        ExpectMsg("restarted after failed after await");
    }

    [Fact]
    public void A_completed_async_handler_takes_the_synchronous_path()
    {
        var actor = ActorOf(() => new Awaiter(TestActor));

        actor.Tell("done");
        actor.Tell("next");

        ExpectMsg("next");
    }

    [Fact]
    public void Many_awaiting_handlers_never_overlap()
    {
        var actor = ActorOf(() => new Awaiter(TestActor));
        var gates = Enumerable.Range(0, 20).Select(_ => new TaskCompletionSource()).ToArray();

        for (var i = 0; i < gates.Length; i++)
        {
            actor.Tell(new Wait(gates[i], i.ToString()));
        }
        foreach (var gate in gates)
        {
            gate.SetResult();
        }

        var messages = ReceiveN(40).Cast<string>().ToList();
        Assert.DoesNotContain("overlap", messages);
    }
}
