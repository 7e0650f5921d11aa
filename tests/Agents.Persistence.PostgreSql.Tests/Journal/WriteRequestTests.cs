using Agents.Persistence.PostgreSql.Journal;
using Xunit;

namespace Agents.Persistence.PostgreSql.Tests.Journal;

public sealed class WriteRequestTests
{
    private static WriteRequest NewRequest() => new([], []);

    [Fact]
    public void The_write_task_carries_the_request_for_a_completion_callback()
    {
        var request = NewRequest();

        Assert.Same(request, request.Completion.AsyncState);
    }

    [Fact]
    public void The_completion_callback_runs_once_after_the_task_completed()
    {
        var request = NewRequest();
        var seen = new List<bool>();
        request.OnCompleted(state => seen.Add(((WriteRequest)state!).Completion.IsCompleted), request);
        Assert.Empty(seen);

        request.Succeed();
        request.Fail(new InvalidOperationException("late"));

        Assert.Equal([true], seen);
    }

    [Fact]
    public void A_completion_callback_registered_after_completion_runs_at_once()
    {
        var request = NewRequest();
        request.Fail(new InvalidOperationException("down"));
        var ran = 0;

        request.OnCompleted(_ => ran++, null);

        Assert.Equal(1, ran);
    }

    [Fact]
    public void A_second_completion_callback_is_refused()
    {
        var request = NewRequest();
        request.OnCompleted(_ => { }, null);

        Assert.Throws<InvalidOperationException>(() => request.OnCompleted(_ => { }, null));
    }
}
