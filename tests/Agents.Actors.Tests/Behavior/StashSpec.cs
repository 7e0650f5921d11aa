using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Behavior;

public sealed class StashSpec(ITestOutputHelper output) : ActorTestKit(output, new ActorSystemSettings { StashCapacity = 5 })
{
    private sealed class Gate : ReceiveActor, IWithStash
    {
        public Gate(IActorRef probe)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => Receive<object>(m => probe.Tell(m, Sender)));
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "one", _ =>
            {
                Stash.Unstash();
                Become(() =>
                {
                    Receive<string>(x => x == "count", _ => probe.Tell(Stash.Count, Self));
                    Receive<object>(m => probe.Tell(m, Sender));
                });
            });
            Receive<string>(s => s == "twice", _ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                }
                catch (InvalidOperationException e)
                {
                    probe.Tell(e.Message, Self);
                }
            });
            Receive<string>(s => s == "count", _ => probe.Tell(Stash.Count, Self));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart"));
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }

    private IActorRef CreateGate() => ActorOf(() => new Gate(TestActor));

    [Fact]
    public void UnstashAll_replays_stashed_messages_in_order_before_newer_ones()
    {
        var gate = CreateGate();
        gate.Tell(1);
        gate.Tell(2);
        gate.Tell(3);

        gate.Tell("open");
        gate.Tell(4);

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectMsg(3);
        ExpectMsg(4);
    }

    [Fact]
    public void Unstashed_messages_keep_their_original_sender()
    {
        var gate = CreateGate();
        var other = CreateTestProbe();
        other.Send(gate, 1);

        gate.Tell("open");

        ExpectMsg(1);
        Assert.Equal(other.Ref, LastSender);
    }

    [Fact]
    public void Unstash_puts_back_only_the_oldest_message()
    {
        var gate = CreateGate();
        gate.Tell(1);
        gate.Tell(2);

        gate.Tell("one");
        gate.Tell("count");

        ExpectMsg(1);
        ExpectMsg(1);
    }

    [Fact]
    public void Stashing_beyond_the_capacity_fails_with_StashOverflowException()
    {
        var gate = CreateGate();

        EventFilter.Exception<StashOverflowException>("StashCapacity").ExpectOne(() =>
        {
            for (var i = 0; i < 6; i++)
            {
                gate.Tell(i);
            }
        });
    }

    [Fact]
    public void Stashing_the_same_message_twice_is_rejected()
    {
        var gate = CreateGate();

        gate.Tell("twice");

        Assert.Contains("twice", ExpectMsg<string>());
    }

    [Fact]
    public void A_restart_puts_stashed_messages_back_into_the_mailbox()
    {
        var gate = CreateGate();
        gate.Tell(1);
        gate.Tell(2);

        gate.Tell("fail");
        gate.Tell("count");

        ExpectMsg(2);
    }

    [Fact]
    public void Stashed_messages_become_dead_letters_when_the_actor_stops()
    {
        var gate = CreateGate();
        gate.Tell("lost");
        Watch(gate);

        gate.Tell(PoisonPill.Instance);

        ExpectTerminated(gate);
        ExpectDeadLetter<string>(s => s == "lost");
    }
}
