using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.TestKit;

public sealed class TestKitSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class Counter : ReceiveActor
    {
        public int Count { get; private set; }

        public Counter()
        {
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("counter failed"));
            ReceiveAny(_ => Count++);
        }
    }

    [Fact]
    public void ExpectNoMsg_advances_virtual_time_instead_of_waiting()
    {
        var before = Time.GetUtcNow();

        ExpectNoMsg(TimeSpan.FromHours(3));

        Assert.Equal(before + TimeSpan.FromHours(3), Time.GetUtcNow());
    }

    [Fact]
    public void ExpectNoMsg_fails_when_a_message_arrives()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMinutes(1), TestActor, "surprise", null);

        var error = Assert.Throws<TestKitAssertionException>(() => ExpectNoMsg(TimeSpan.FromMinutes(2)));

        Assert.Contains("surprise", error.Message);
    }

    [Fact]
    public void ExpectMsg_fails_on_a_message_of_another_type()
    {
        TestActor.Tell(42);

        var error = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>());

        Assert.Contains("42", error.Message);
    }

    [Fact]
    public void ExpectMsg_fails_when_nothing_arrives_within_the_timeout()
    {
        var error = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(20)));

        Assert.Contains("no message arrived", error.Message);
    }

    [Fact]
    public void FishForMessage_skips_messages_until_one_matches()
    {
        TestActor.Tell(1);
        TestActor.Tell("noise");
        TestActor.Tell(7);

        Assert.Equal(7, FishForMessage<int>(n => n > 5));
    }

    [Fact]
    public void A_TestActorRef_processes_messages_on_the_calling_thread()
    {
        var counter = ActorOfAsTestActorRef(() => new Counter());

        counter.Tell("a", null);
        counter.Tell("b", null);

        Assert.Equal(2, counter.UnderlyingActor.Count);
    }

    [Fact]
    public void A_TestActorRef_exposes_the_new_instance_after_a_restart()
    {
        var counter = ActorOfAsTestActorRef(() => new Counter());
        counter.Tell("a", null);
        var first = counter.UnderlyingActor;

        counter.Tell("fail", null);

        AwaitAssert(() => Assert.NotSame(first, counter.UnderlyingActor));
        Assert.Equal(0, counter.UnderlyingActor.Count);
    }

    [Fact]
    public void Within_measures_virtual_time()
    {
        Within(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), () => Advance(TimeSpan.FromSeconds(90)));
    }

    [Fact]
    public void Within_fails_when_the_block_takes_longer()
    {
        Assert.Throws<TestKitAssertionException>(() => Within(TimeSpan.FromMinutes(1), () => Advance(TimeSpan.FromMinutes(2))));
    }

    [Fact]
    public void EventFilter_fails_when_the_count_differs()
    {
        var counter = ActorOf(() => new Counter());

        var error = Assert.Throws<TestKitAssertionException>(() =>
            EventFilter.Exception<InvalidOperationException>().Expect(2, () => counter.Tell("fail")));

        Assert.Contains("found 1", error.Message);
    }

    [Fact]
    public void ExpectDeadLetter_finds_successive_dead_letters()
    {
        Sys.DeadLetters.Tell("first");
        Sys.DeadLetters.Tell("second");

        Assert.Equal("first", ExpectDeadLetter<string>().Message);
        Assert.Equal("second", ExpectDeadLetter<string>().Message);
    }

    [Fact]
    public void Probes_receive_independently()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();

        a.Ref.Tell("for a");
        b.Ref.Tell("for b");

        b.ExpectMsg("for b");
        a.ExpectMsg("for a");
        Assert.Equal(TestActor, a.LastSender);
    }

    [Fact]
    public void AwaitCondition_fails_with_the_message_when_the_condition_stays_false()
    {
        var error = Assert.Throws<TestKitAssertionException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(30), message: "never true"));

        Assert.Contains("never true", error.Message);
    }

    [Fact]
    public void ReceiveN_returns_messages_in_arrival_order()
    {
        for (var i = 0; i < 5; i++)
        {
            TestActor.Tell(i);
        }

        Assert.Equal([0, 1, 2, 3, 4], ReceiveN(5));
    }
}
