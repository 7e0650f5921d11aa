using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Scheduling;

public sealed class ReceiveTimeoutSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed record Heartbeat : INotInfluenceReceiveTimeout;

    private sealed class Idler : ReceiveActor
    {
        public Idler(IActorRef probe, TimeSpan timeout)
        {
            Context.SetReceiveTimeout(timeout);
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout", Self));
            Receive<string>(s => s == "off", _ => Context.SetReceiveTimeout(null));
            ReceiveAny(_ => { });
        }
    }

    private IActorRef CreateIdler(TimeSpan timeout)
    {
        var actor = ActorOf(() => new Idler(TestActor, timeout));
        Settle();
        return actor;
    }

    [Fact]
    public void An_idle_actor_receives_ReceiveTimeout()
    {
        CreateIdler(TimeSpan.FromSeconds(30));

        ExpectNoMsg(TimeSpan.FromSeconds(29));
        Advance(TimeSpan.FromSeconds(1));

        ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_repeats_while_the_actor_stays_idle()
    {
        CreateIdler(TimeSpan.FromSeconds(30));

        Advance(TimeSpan.FromSeconds(30));
        ExpectMsg("timeout");
        Advance(TimeSpan.FromSeconds(30));

        ExpectMsg("timeout");
    }

    [Fact]
    public void A_message_postpones_the_receive_timeout()
    {
        var actor = CreateIdler(TimeSpan.FromSeconds(30));

        Advance(TimeSpan.FromSeconds(20));
        actor.Tell("activity");
        Settle();

        ExpectNoMsg(TimeSpan.FromSeconds(29));
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("timeout");
    }

    [Fact]
    public void Messages_that_do_not_influence_the_receive_timeout_do_not_postpone_it()
    {
        var actor = CreateIdler(TimeSpan.FromSeconds(30));

        Advance(TimeSpan.FromSeconds(20));
        actor.Tell(new Heartbeat());
        Settle();
        Advance(TimeSpan.FromSeconds(10));

        ExpectMsg("timeout");
    }

    [Fact]
    public void Setting_no_receive_timeout_turns_it_off()
    {
        var actor = CreateIdler(TimeSpan.FromSeconds(30));

        actor.Tell("off");
        Settle();

        ExpectNoMsg(TimeSpan.FromMinutes(5));
    }
}
