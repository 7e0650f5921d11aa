using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Messaging;

public sealed class TellSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    private sealed class Relay(IActorRef target) : ReceiveActor
    {
        private readonly IActorRef _target = target;

        protected override void PreStart() => Become(Relaying);

        private bool Relaying(object message)
        {
            switch (message)
            {
                case ("forward", string text):
                    _target.Forward(text);
                    return true;
                case ("tell", string text):
                    _target.Tell(text);
                    return true;
                default:
                    return false;
            }
        }
    }

    private sealed class SequenceChecker : ReceiveActor
    {
        private readonly Dictionary<IActorRef, int> _last = [];

        public SequenceChecker()
        {
            Receive<int>(n =>
            {
                var previous = _last.GetValueOrDefault(Sender, -1);
                if (n != previous + 1)
                {
                    Sender.Tell($"out of order: {n} after {previous}", Self);
                }
                _last[Sender] = n;
            });
            Receive<string>(s => s == "done", _ => Sender.Tell(_last.GetValueOrDefault(Sender, -1), Self));
        }
    }

    private sealed class SenderReporter : ReceiveActor
    {
        public SenderReporter(IActorRef probe) => ReceiveAny(_ => probe.Tell(Sender, Self));
    }

    [Fact]
    public void Reply_goes_to_the_implicit_sender_of_test_code()
    {
        var echo = ActorOf(() => new Echo());

        echo.Tell("hello");

        ExpectMsg("hello");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void Messages_from_one_sender_arrive_in_the_order_sent()
    {
        var checker = ActorOf(() => new SequenceChecker());

        for (var i = 0; i < 10_000; i++)
        {
            checker.Tell(i);
        }
        checker.Tell("done");

        ExpectMsg(9_999);
    }

    [Fact]
    public void Forward_keeps_the_original_sender()
    {
        var probe = CreateTestProbe();
        var relay = ActorOf(() => new Relay(probe.Ref));

        relay.Tell(("forward", "x"));

        probe.ExpectMsg("x");
        Assert.Equal(TestActor, probe.LastSender);
    }

    [Fact]
    public void Tell_inside_an_actor_sends_with_the_actor_as_sender()
    {
        var probe = CreateTestProbe();
        var relay = ActorOf(() => new Relay(probe.Ref));

        relay.Tell(("tell", "x"));

        probe.ExpectMsg("x");
        Assert.Equal(relay, probe.LastSender);
    }

    [Fact]
    public void Sender_is_dead_letters_when_the_message_had_none()
    {
        var reporter = ActorOf(() => new SenderReporter(TestActor));

        reporter.Tell("anything", null);

        Assert.Equal(Sys.DeadLetters, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Telling_a_null_message_throws_naming_the_recipient()
    {
        var echo = ActorOf(() => new Echo(), "echo");

        var error = Assert.Throws<ArgumentNullException>(() => echo.Tell(null!, null));

        Assert.Contains("/user/echo", error.Message);
    }
}
