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

        log.Fail(new JournalStorageException("The database is down."));
        await Probe.AwaitConditionAsync(() => Logs.Entries.Snapshot().Any(e => e.Message.Contains("failed reading the topic log")));
        await Log.AppendAsync([new TopicRecord("model.b", new SpecEvent("2"), "test")]);
        Advance(Options.ReadRetryMinBackoff);

        Assert.Equal("2", ValueOf(ReceiveAndAck(Probe)));
        Probe.ExpectNoMsg();
    }

    private sealed class FailingOffsets(ITopicSubscriptionStore inner, int failures) : ITopicSubscriptionStore
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<TopicOffset> LoadOffsetAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) <= failures
                ? Task.FromException<TopicOffset>(new JournalStorageException("The database is down."))
                : inner.LoadOffsetAsync(subscriptionId, cancellationToken);

        public Task<bool> StoreOffsetAsync(string subscriptionId, TopicOffset offset, CancellationToken cancellationToken = default) =>
            inner.StoreOffsetAsync(subscriptionId, offset, cancellationToken);
    }

    /// <summary>A log whose durable (filtered) live reads fail once on demand; the service's own tail reads unfiltered and is left alone.</summary>
    private sealed class FailingReads(InMemoryTopicLog inner) : ITopicLog
    {
        private TaskCompletionSource<Exception> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception error) => _failure.TrySetResult(error);

        public Task<IReadOnlyList<TopicOffset>> AppendAsync(IReadOnlyList<TopicRecord> records, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(records, cancellationToken);

        public IAsyncEnumerable<TopicEnvelope> ReadAsync(TopicOffset after, TopicFilter? filter = null, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(after, filter, cancellationToken);

        public Task<TopicOffset> ReadEndAsync(CancellationToken cancellationToken = default) => inner.ReadEndAsync(cancellationToken);

        public IAsyncEnumerable<TopicEnvelope> SubscribeAsync(TopicOffset after, TopicFilter? filter = null, CancellationToken cancellationToken = default) =>
            filter is null ? inner.SubscribeAsync(after, filter, cancellationToken) : FailingAsync(after, filter, cancellationToken);

        private async IAsyncEnumerable<TopicEnvelope> FailingAsync(
            TopicOffset after, TopicFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var failure = _failure.Task;
            await using var events = inner.SubscribeAsync(after, filter, stop.Token).GetAsyncEnumerator(stop.Token);
            var next = events.MoveNextAsync().AsTask();
            while (true)
            {
                if (await Task.WhenAny(next, failure) == failure)
                {
                    _failure = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
                    await stop.CancelAsync();
                    try
                    {
                        await next;
                    }
                    catch (OperationCanceledException)
                    {
                    }

                    throw failure.Result;
                }

                if (!await next)
                {
                    yield break;
                }

                yield return events.Current;
                next = events.MoveNextAsync().AsTask();
            }
        }
    }
}
