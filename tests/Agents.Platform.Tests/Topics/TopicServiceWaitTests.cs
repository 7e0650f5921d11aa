using Agents.Persistence.Topics;
using Agents.Platform.Topics;
using Agents.TestKit.Persistence;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicServiceWaitTests : TopicServiceTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Wait_completes_with_the_first_matching_event_for_which_the_condition_holds()
    {
        var wait = Service.WaitForEventAsync(
            TopicPattern.Parse("training.*"), e => ((SpecEvent)e.Payload).Value == "done", Timeout);

        await PublishAsync("model.epoch", "done");
        await PublishAsync("training.complete", "running");
        var expected = await PublishAsync("training.complete", "done");

        var envelope = await wait.WaitAsync(TestKitSettings.ExpectTimeout);
        Assert.Equal(expected.Offset, envelope.Offset);
    }

    [Fact]
    public async Task Wait_ignores_events_published_before_it_began()
    {
        await PublishPastLiveReaderAsync("training.complete", "old");

        var wait = Service.WaitForEventAsync(TopicPattern.Parse("training.complete"), null, Timeout);
        var expected = await PublishAsync("training.complete", "new");

        Assert.Equal(expected.Offset, (await wait.WaitAsync(TestKitSettings.ExpectTimeout)).Offset);
    }

    [Fact]
    public async Task Wait_times_out_on_the_system_clock()
    {
        var wait = Service.WaitForEventAsync(TopicPattern.Parse("training.complete"), null, TimeSpan.FromSeconds(10));
        Advance(TimeSpan.FromSeconds(9));
        Assert.False(wait.IsCompleted);

        Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => wait.WaitAsync(TestKitSettings.ExpectTimeout));
        Assert.Contains("training.complete", error.Message);
    }

    [Fact]
    public async Task Wait_can_be_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var wait = Service.WaitForEventAsync(TopicPattern.Parse("training.complete"), null, Timeout, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TestKitSettings.ExpectTimeout));
    }

    [Fact]
    public async Task A_finished_wait_leaves_no_registration_behind()
    {
        using var cancel = new CancellationTokenSource();
        var completed = Service.WaitForEventAsync(TopicPattern.Parse("a.b"), null, Timeout);
        var timedOut = Service.WaitForEventAsync(TopicPattern.Parse("a.b"), e => false, TimeSpan.FromSeconds(1));
        var cancelled = Service.WaitForEventAsync(TopicPattern.Parse("a.b"), null, Timeout, cancel.Token);
        Assert.Equal(3, Service.LiveSubscriptionCount);

        await cancel.CancelAsync();
        await PublishAsync("a.b", "x");
        Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(completed, timedOut, cancelled).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TestKitSettings.ExpectTimeout);

        Assert.Equal(0, Service.LiveSubscriptionCount);
    }

    [Fact]
    public async Task A_condition_that_throws_fails_the_wait()
    {
        var wait = Service.WaitForEventAsync(TopicPattern.Parse("a.b"), _ => throw new FormatException("bad field"), Timeout);

        await PublishAsync("a.b", "x");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => wait.WaitAsync(TestKitSettings.ExpectTimeout));
        Assert.Contains("bad field", error.Message);
    }

    [Fact]
    public async Task Wait_rejects_a_timeout_that_is_not_positive()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Service.WaitForEventAsync(TopicPattern.Parse("a.b"), null, TimeSpan.Zero));
    }

    [Fact]
    public async Task Wait_returns_the_event_the_publisher_stored()
    {
        var wait = Service.WaitForEventAsync(TopicPattern.Parse("a.b"), null, Timeout);

        var published = await PublishAsync("a.b", "x");

        var seen = await wait.WaitAsync(TestKitSettings.ExpectTimeout);
        Assert.Equal((published.Offset, published.Topic, published.Manifest, published.Publisher), (seen.Offset, seen.Topic, seen.Manifest, seen.Publisher));
        Assert.Equal(new TopicOffset(1, 1), published.Offset);
    }
}
