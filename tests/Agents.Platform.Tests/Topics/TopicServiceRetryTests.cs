using Agents.Persistence.InMemory;
using Agents.Persistence.Journal;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;
using Agents.TestKit.Persistence;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicServiceRetryTests : TopicServiceTestKit
{
    [Fact]
    public async Task A_subscription_whose_offset_cannot_be_loaded_retries_after_the_backoff()
    {
        var offsets = new FailingOffsets(Log, failures: 1);
        var service = StartService(offsets: offsets);
        await service.PublishAsync("model.a", new SpecEvent("1"), "test");

        await EventFilter.Warning("cannot load its offset").ExpectOneAsync(async () =>
        {
            using var subscription = service.SubscribeDurable("d", Patterns("#"), TestActor);
            await Probe.AwaitConditionAsync(() => offsets.Calls >= 1);
            Probe.ExpectNoMsg();
            Advance(Options.ReadRetryMinBackoff);
            Assert.Equal("1", ValueOf(Probe.ExpectMsg<TopicEvent>()));
        });
    }

    [Fact]
    public async Task A_failed_read_is_retried_after_the_last_event_read()
    {
        var log = new FailingReads(Log);
        var service = StartService(log: log);
        using var subscription = service.SubscribeDurable("d", Patterns("model.*"), TestActor);
        await service.PublishAsync("model.a", new SpecEvent("1"), "test");
        ReceiveAndAck(Probe);

        log.FailNextRead(new JournalStorageException("The database is down."));
        await EventFilter.Warning("failed reading the topic log").ExpectOneAsync(
            () => service.PublishAsync("model.b", new SpecEvent("2"), "test"));
        Probe.ExpectNoMsg();
        Advance(Options.ReadRetryMinBackoff);

        Assert.Equal("2", ValueOf(ReceiveAndAck(Probe)));
        Probe.ExpectNoMsg();
    }

    private sealed class FailingOffsets(ITopicSubscriptionStore inner, int failures) : ITopicSubscriptionStore
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<TopicOffset?> LoadOffsetAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) <= failures
                ? Task.FromException<TopicOffset?>(new JournalStorageException("The database is down."))
                : inner.LoadOffsetAsync(subscriptionId, cancellationToken);

        public Task<bool> StoreOffsetAsync(string subscriptionId, TopicOffset offset, CancellationToken cancellationToken = default) =>
            inner.StoreOffsetAsync(subscriptionId, offset, cancellationToken);
    }

    /// <summary>A log whose next filtered read (a durable subscription's) fails on demand; the live reader reads unfiltered.</summary>
    private sealed class FailingReads(InMemoryTopicLog inner) : ITopicLog
    {
        private Exception? _failure;

        public void FailNextRead(Exception error) => Volatile.Write(ref _failure, error);

        public Task<IReadOnlyList<TopicOffset>> AppendAsync(IReadOnlyList<TopicRecord> records, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(records, cancellationToken);

        public IAsyncEnumerable<TopicEnvelope> ReadAsync(TopicOffset after, TopicFilter? filter = null, CancellationToken cancellationToken = default) =>
            filter is not null && Interlocked.Exchange(ref _failure, null) is { } failure
                ? Failing(failure)
                : inner.ReadAsync(after, filter, cancellationToken);

        public Task<TopicOffset> ReadEndAsync(CancellationToken cancellationToken = default) => inner.ReadEndAsync(cancellationToken);

        public IAsyncEnumerable<TopicEnvelope> SubscribeAsync(TopicOffset after, TopicFilter? filter = null, CancellationToken cancellationToken = default) =>
            inner.SubscribeAsync(after, filter, cancellationToken);

        private static async IAsyncEnumerable<TopicEnvelope> Failing(Exception? failure)
        {
            await Task.Yield();
            if (failure is not null)
            {
                throw failure;
            }

            yield break;
        }
    }
}
