using System.Collections.Immutable;
using Agents.Actors.Routing;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Routing;

public sealed class RandomRoutingSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void A_random_pool_delivers_every_message_to_one_routee()
    {
        var router = ActorOf(new RandomPool(3).Props(Props.Create<Echo>()));

        for (var i = 0; i < 30; i++)
        {
            router.Tell(i);
        }

        var received = ReceiveN(30).Cast<Echoed>().Select(e => (int)e.Message).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 30), received);
        ExpectNoMsg();
    }

    [Fact]
    public void The_random_logic_uses_every_routee()
    {
        var routees = Enumerable.Range(0, 3).Select(i => (Routee)new ActorRefRoutee(CreateTestProbe().Ref)).ToImmutableArray();
        var logic = new RandomRoutingLogic();

        // 600 draws miss a given routee with probability (2/3)^600, far below 1e-100.
        var used = Enumerable.Range(0, 600).Select(_ => logic.Select("m", routees)).Distinct().Count();

        Assert.Equal(3, used);
    }
}
