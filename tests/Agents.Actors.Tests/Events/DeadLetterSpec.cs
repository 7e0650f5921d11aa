using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Events;

public sealed class DeadLetterSpec(ITestOutputHelper output)
    : ActorTestKit(output, new ActorSystemSettings { DeadLetterLogLimit = 3, DeadLetterLogInterval = TimeSpan.FromSeconds(10) })
{
    private sealed class Idle : ReceiveActor
    {
        public Idle() => ReceiveAny(_ => { });
    }

    private sealed class Slow : ReceiveActor
    {
        public Slow(TaskCompletionSource gate) => ReceiveAsync<string>(s => s == "block", _ => gate.Task);
    }

    private IActorRef StoppedActor()
    {
        var actor = ActorOf(() => new Idle(), "gone");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        return actor;
    }

    [Fact]
    public void A_message_to_a_stopped_actor_is_a_dead_letter_with_sender_and_recipient()
    {
        var actor = StoppedActor();

        actor.Tell("hello?");

        var deadLetter = ExpectDeadLetter<string>();
        Assert.Equal("hello?", deadLetter.Message);
        Assert.Equal(TestActor, deadLetter.Sender);
        Assert.Equal(actor, deadLetter.Recipient);
    }

    [Fact]
    public void Messages_left_in_the_mailbox_when_the_actor_stops_become_dead_letters()
    {
        var gate = new TaskCompletionSource();
        var actor = ActorOf(() => new Slow(gate));
        actor.Tell("block");
        actor.Tell("queued 1");
        actor.Tell("queued 2");
        Watch(actor);

        Sys.Stop(actor);
        ExpectTerminated(actor);

        ExpectDeadLetter<string>(s => s == "queued 1");
        ExpectDeadLetter<string>(s => s == "queued 2");
    }

    [Fact]
    public void Dead_letters_are_published_to_event_stream_subscribers()
    {
        var actor = StoppedActor();
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(probe.Ref);

        actor.Tell(7);

        Assert.Equal(7, probe.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void Dead_letters_are_counted()
    {
        var actor = StoppedActor();
        var before = Sys.DeadLetterCount;

        for (var i = 0; i < 5; i++)
        {
            actor.Tell(i);
        }

        AwaitCondition(() => Sys.DeadLetterCount == before + 5);
    }

    [Fact]
    public void Dead_letters_are_logged_at_a_bounded_rate_with_a_summary_of_the_rest()
    {
        var actor = StoppedActor();

        EventFilter.Info("was not delivered").Expect(3, () =>
        {
            for (var i = 0; i < 10; i++)
            {
                actor.Tell(i);
            }
        });
        EventFilter.Info("7 more dead letters").ExpectOne(() => Advance(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Telling_dead_letters_directly_publishes_a_dead_letter()
    {
        Sys.DeadLetters.Tell("to nobody");

        Assert.Equal(Sys.DeadLetters, ExpectDeadLetter<string>().Recipient);
    }
}
