using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Messaging;

public sealed class PipeToSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public async Task PipeTo_sends_the_result_of_a_task()
    {
        await Task.FromResult(42).PipeTo(TestActor);

        ExpectMsg(42);
    }

    [Fact]
    public async Task PipeTo_sends_a_failure_as_a_status_failure()
    {
        await Task.FromException<int>(new TimeoutException("slow")).PipeTo(TestActor);

        var failure = ExpectMsg<Status.Failure>();
        Assert.IsType<TimeoutException>(failure.Cause);
    }

    [Fact]
    public async Task PipeTo_maps_success_and_failure()
    {
        await Task.FromResult(1).PipeTo(TestActor, success: n => $"got {n}");
        await Task.FromException<int>(new TimeoutException()).PipeTo(TestActor, failure: e => e.GetType().Name);

        ExpectMsg("got 1");
        ExpectMsg("TimeoutException");
    }

    [Fact]
    public async Task PipeTo_uses_the_given_sender()
    {
        var other = CreateTestProbe();

        await Task.CompletedTask.PipeTo(TestActor, other.Ref);

        ExpectMsg<Status.Success>();
        Assert.Equal(other.Ref, LastSender);
    }
}
