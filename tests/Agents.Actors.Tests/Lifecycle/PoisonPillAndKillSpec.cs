using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Lifecycle;

public sealed class PoisonPillAndKillSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    [Fact]
    public void PoisonPill_stops_the_actor_after_the_messages_before_it()
    {
        var echo = ActorOf(() => new Echo());
        Watch(echo);

        echo.Tell(1);
        echo.Tell(2);
        echo.Tell(PoisonPill.Instance);

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectTerminated(echo);
    }

    [Fact]
    public void Messages_after_a_PoisonPill_become_dead_letters()
    {
        var echo = ActorOf(() => new Echo());
        Watch(echo);

        echo.Tell(PoisonPill.Instance);
        echo.Tell("late");

        ExpectTerminated(echo);
        ExpectDeadLetter<string>(s => s == "late");
    }

    [Fact]
    public void Kill_fails_the_actor_and_the_default_strategy_stops_it()
    {
        var echo = ActorOf(() => new Echo());
        Watch(echo);

        EventFilter.Exception<ActorKilledException>().ExpectOne(() => echo.Tell(Kill.Instance));

        ExpectTerminated(echo);
    }

    [Fact]
    public async Task GracefulStop_completes_once_the_actor_stopped()
    {
        var echo = ActorOf(() => new Echo());

        var stopped = await echo.GracefulStop(TimeSpan.FromSeconds(5));

        Assert.True(stopped);
    }
}
