using Agents.Persistence.Actors;
using Xunit;

namespace Agents.Persistence.Tests.Actors;

public sealed class WritesInFlightTests
{
    [Fact]
    public void A_write_settled_by_its_caller_is_forgotten_once_settled()
    {
        var inFlight = new WritesInFlight();
        var write = new TaskCompletionSource();
        inFlight.Track("p", write.Task, settledByCaller: true);
        Assert.False(inFlight.WhenSettled("p").IsCompleted);

        write.SetResult();
        inFlight.Settled("p", write.Task);

        Assert.Same(Task.CompletedTask, inFlight.WhenSettled("p"));
    }

    [Fact]
    public void Settling_an_earlier_write_keeps_a_later_one_in_flight()
    {
        var inFlight = new WritesInFlight();
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        inFlight.Track("p", first.Task, settledByCaller: true);
        inFlight.Track("p", second.Task, settledByCaller: true);

        first.SetResult();
        inFlight.Settled("p", first.Task);

        Assert.False(inFlight.WhenSettled("p").IsCompleted);
    }
}
