using Agents.Persistence.Query;

namespace Agents.Persistence.Tests.Query;

public sealed class ChangeNotifierTests
{
    [Fact]
    public async Task Notification_before_the_wait_is_not_lost()
    {
        var notifier = new ChangeNotifier();
        using var subscription = notifier.Subscribe(ChangeNotifier.TagKey("t"));
        notifier.Notify(ChangeNotifier.TagKey("t"));

        Assert.True(await subscription.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task Notification_wakes_a_waiting_subscription()
    {
        var notifier = new ChangeNotifier();
        using var subscription = notifier.Subscribe(ChangeNotifier.TagKey("t"));
        var waiting = subscription.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, CancellationToken.None);
        notifier.Notify(ChangeNotifier.TagKey("t"));

        Assert.True(await waiting);
    }

    [Fact]
    public async Task Wait_without_notification_returns_false_at_its_timeout()
    {
        var notifier = new ChangeNotifier();
        using var subscription = notifier.Subscribe(ChangeNotifier.TagKey("t"));

        Assert.False(await subscription.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task Only_subscriptions_of_the_notified_key_wake()
    {
        var notifier = new ChangeNotifier();
        using var tag = notifier.Subscribe(ChangeNotifier.TagKey("t"));
        using var entity = notifier.Subscribe(ChangeNotifier.PersistenceIdKey("t"));
        notifier.Notify(ChangeNotifier.PersistenceIdKey("t"));

        Assert.False(await tag.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
        Assert.True(await entity.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task Notify_all_wakes_every_subscription()
    {
        var notifier = new ChangeNotifier();
        using var a = notifier.Subscribe(ChangeNotifier.TagKey("a"));
        using var ids = notifier.Subscribe(ChangeNotifier.PersistenceIdsKey);
        notifier.NotifyAll();

        Assert.True(await a.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
        Assert.True(await ids.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task Disposed_subscription_is_no_longer_woken()
    {
        var notifier = new ChangeNotifier();
        var subscription = notifier.Subscribe(ChangeNotifier.TagKey("t"));
        subscription.Dispose();
        notifier.Notify(ChangeNotifier.TagKey("t"));

        Assert.False(await subscription.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task Cancelled_wait_throws()
    {
        var notifier = new ChangeNotifier();
        using var subscription = notifier.Subscribe(ChangeNotifier.TagKey("t"));
        using var cancel = new CancellationTokenSource();
        var waiting = subscription.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task NotifyPersistenceId_wakes_the_followers_of_that_entity_only()
    {
        var notifier = new ChangeNotifier();
        using var followed = notifier.Subscribe(ChangeNotifier.PersistenceIdKey("a"));
        using var other = notifier.Subscribe(ChangeNotifier.PersistenceIdKey("b"));
        notifier.NotifyPersistenceId("a");

        Assert.True(await followed.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
        Assert.False(await other.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task NotifyPersistenceId_still_wakes_after_another_follower_left_twice()
    {
        var notifier = new ChangeNotifier();
        using var kept = notifier.Subscribe(ChangeNotifier.PersistenceIdKey("a"));
        var left = notifier.Subscribe(ChangeNotifier.PersistenceIdKey("a"));
        left.Dispose();
        left.Dispose();
        notifier.NotifyPersistenceId("a");

        Assert.True(await kept.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
    }
}
