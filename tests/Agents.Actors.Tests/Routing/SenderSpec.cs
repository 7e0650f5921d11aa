using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

public sealed class SenderSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    /// <summary>Tells its routee's reply target (the sender it saw) to the probe.</summary>
    private sealed class SenderReporter : ReceiveActor
    {
        public SenderReporter(IActorRef probe)
        {
            ReceiveAny(_ => probe.Tell(Sender, Self));
        }
    }

    /// <summary>Sends "ping" through the router and passes replies to the probe.</summary>
    private sealed class Client : ReceiveActor
    {
        public Client(IActorRef router, IActorRef probe)
        {
            Receive<string>(s => s == "go", _ => router.Tell("ping"));
            Receive<Echoed>(e => probe.Tell(e, Sender));
        }
    }

    [Fact]
    public void A_routee_sees_the_original_sender_not_the_router()
    {
        var sender = CreateTestProbe();
        var router = ActorOf(new RoundRobinPool(2).Props(Props.Create(() => new SenderReporter(TestActor))));

        sender.Send(router, "who?");

        Assert.Equal(sender.Ref, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Replies_of_a_routee_go_to_the_actor_that_sent_through_the_router()
    {
        var router = ActorOf(new RoundRobinPool(2).Props(Props.Create<Echo>()));
        var client = ActorOf(Props.Create(() => new Client(router, TestActor)));

        client.Tell("go");

        var echo = ExpectMsg<Echoed>();
        Assert.Equal("ping", echo.Message);
        Assert.Equal(echo.Routee, LastSender);
    }

    [Fact]
    public async Task Ask_through_a_router_gets_the_routee_reply()
    {
        var router = ActorOf(new RandomPool(3).Props(Props.Create<Echo>()));

        var reply = await router.Ask<Echoed>("question");

        Assert.Equal("question", reply.Message);
        Assert.Equal(router.Path, reply.Routee.Path.Parent);
    }

    [Fact]
    public void A_message_sent_without_a_sender_reaches_the_routee_with_dead_letters_as_sender()
    {
        var router = ActorOf(new RoundRobinPool(1).Props(Props.Create(() => new SenderReporter(TestActor))));

        router.Tell("anonymous", null);

        Assert.Equal(Sys.DeadLetters, ExpectMsg<IActorRef>());
    }
}
