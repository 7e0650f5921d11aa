using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;

using Xunit;

namespace Agents.TestKit.Persistence;

/// <summary>
/// The topic log conformance suite: a store's test class inherits it and supplies a topic log (built with
/// <see cref="PersistenceSpec.Serializer"/>) that is also its subscription store. Tests may share storage with other
/// tests: each publishes on topics under its own prefix (<see cref="TopicOf"/>) and reads with <see cref="Mine"/>.
/// </summary>
public abstract class TopicLogSpec : PersistenceSpec, IAsyncLifetime
{
    private ITopicLog? _log;

    /// <summary>The topic log under test.</summary>
    protected ITopicLog Log => _log ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>The subscription store under test: the log itself.</summary>
    protected ITopicSubscriptionStore Subscriptions =>
        Log as ITopicSubscriptionStore ?? throw new InvalidOperationException($"{Log.GetType().Name} does not implement ITopicSubscriptionStore.");

    /// <summary>Only the topics of this test.</summary>
    protected TopicFilter Mine => TopicFilter.StartingWith(RunId + ".");

    /// <summary>Creates the topic log; it may share storage with other tests.</summary>
    protected abstract Task<ITopicLog> CreateLogAsync();

    /// <summary>Releases the log; by default disposes it when it is disposable.</summary>
    protected virtual async Task DisposeLogAsync(ITopicLog log)
    {
        if (log is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async Task InitializeAsync() => _log = await CreateLogAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_log is not null)
        {
            await DisposeLogAsync(_log);
        }
    }

    /// <summary>A topic unique to this test: <c>&lt;run id&gt;.&lt;name&gt;</c>.</summary>
    protected string TopicOf(string name) => $"{RunId}.{name}";

    /// <summary>Publishes one <see cref="SpecEvent"/> and returns its offset.</summary>
    protected async Task<TopicOffset> PublishAsync(string topic, string value, string publisher = "publisher-1") =>
        (await Log.AppendAsync([new TopicRecord(topic, new SpecEvent(value), publisher)]))[0];

    private static string[] Values(IEnumerable<TopicEnvelope> events) => events.Select(e => ValueOf(e.Payload)).ToArray();

    /// <summary>Each event appended gets an offset after the previous one's, and one append's events are consecutive.</summary>
    [Fact]
    public async Task Append_returns_offsets_that_increase()
    {
        var topic = TopicOf("a");
        var first = await PublishAsync(topic, "1");
        var batch = await Log.AppendAsync(
            [new TopicRecord(topic, new SpecEvent("2"), "p"), new TopicRecord(topic, new SpecEvent("3"), "p")]);
        var last = await PublishAsync(topic, "4");

        Assert.True(first < batch[0], $"{first} < {batch[0]}");
        Assert.True(batch[0] < batch[1], $"{batch[0]} < {batch[1]}");
        Assert.True(batch[1] < last, $"{batch[1]} < {last}");
        var read = await ToListAsync(Log.ReadAsync(TopicOffset.Start, Mine));
        Assert.Equal([first, batch[0], batch[1], last], read.Select(e => e.Offset));
    }

    /// <summary>A read returns each event with its topic, manifest, payload, publisher and time, in offset order.</summary>
    [Fact]
    public async Task Read_returns_published_events_with_their_details()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var offset = await PublishAsync(TopicOf("model.convergence.detected"), "converged", "agent-7");
        await PublishAsync(TopicOf("training.complete"), "done");

        var events = await ToListAsync(Log.ReadAsync(TopicOffset.Start, Mine));

        Assert.Equal(["converged", "done"], Values(events));
        var first = events[0];
        Assert.Equal(offset, first.Offset);
        Assert.Equal(offset.Sequence, first.DeliveryId);
        Assert.Equal(TopicOf("model.convergence.detected"), first.Topic);
        Assert.Equal("agents.testkit.spec-event", first.Manifest);
        Assert.Equal("agent-7", first.Publisher);
        Assert.InRange(first.PublishedAt, before, DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(TimeSpan.Zero, first.PublishedAt.Offset);
    }

    /// <summary>A read after an offset returns only the events after it.</summary>
    [Fact]
    public async Task Read_after_an_offset_returns_the_later_events_only()
    {
        var topic = TopicOf("a");
        await PublishAsync(topic, "1");
        var second = await PublishAsync(topic, "2");
        await PublishAsync(topic, "3");
        await PublishAsync(topic, "4");

        Assert.Equal(["3", "4"], Values(await ToListAsync(Log.ReadAsync(second, Mine))));
    }

    /// <summary>A current read ends at what was committed; nothing published later appears in it.</summary>
    [Fact]
    public async Task Read_ends_at_the_events_committed_when_it_started()
    {
        var topic = TopicOf("a");
        await PublishAsync(topic, "1");
        await PublishAsync(topic, "2");

        var read = new List<TopicEnvelope>();
        await foreach (var e in Log.ReadAsync(TopicOffset.Start, Mine))
        {
            read.Add(e);
            if (read.Count == 1)
            {
                await PublishAsync(topic, "3");
            }
        }

        Assert.Equal(["1", "2"], Values(read));
    }

    /// <summary>A read with a predicate returns the events whose topic it accepts.</summary>
    [Fact]
    public async Task Read_with_a_predicate_returns_the_accepted_topics_only()
    {
        await PublishAsync(TopicOf("model.convergence"), "m1");
        await PublishAsync(TopicOf("training.complete"), "t1");
        await PublishAsync(TopicOf("model.drift"), "m2");

        var filter = Mine with { Matches = topic => topic.StartsWith(TopicOf("model."), StringComparison.Ordinal) };
        Assert.Equal(["m1", "m2"], Values(await ToListAsync(Log.ReadAsync(TopicOffset.Start, filter))));
    }

    /// <summary>A read with topic prefixes returns the events under any of them.</summary>
    [Fact]
    public async Task Read_with_prefixes_returns_the_topics_under_them()
    {
        await PublishAsync(TopicOf("model.convergence"), "m1");
        await PublishAsync(TopicOf("training.complete"), "t1");
        await PublishAsync(TopicOf("deploy.canary"), "d1");
        await PublishAsync(TopicOf("model.drift"), "m2");

        var filter = TopicFilter.StartingWith(TopicOf("model."), TopicOf("deploy."));
        Assert.Equal(["m1", "d1", "m2"], Values(await ToListAsync(Log.ReadAsync(TopicOffset.Start, filter))));
    }

    /// <summary>A live subscription delivers what is stored, then events published later.</summary>
    [Fact]
    public async Task Subscribe_delivers_stored_events_then_later_ones()
    {
        var topic = TopicOf("a");
        await PublishAsync(topic, "1");
        var reading = TakeAsync(Log.SubscribeAsync(TopicOffset.Start, Mine), 3);
        await PublishAsync(topic, "2");
        await PublishAsync(topic, "3");

        Assert.Equal(["1", "2", "3"], Values(await reading));
    }

    /// <summary>A live subscription with a filter skips later events of other topics.</summary>
    [Fact]
    public async Task Subscribe_with_a_filter_delivers_matching_later_events_only()
    {
        var filter = Mine with { Matches = topic => topic.EndsWith(".wanted", StringComparison.Ordinal) };
        var reading = TakeAsync(Log.SubscribeAsync(TopicOffset.Start, filter), 2);
        await PublishAsync(TopicOf("x.wanted"), "1");
        await PublishAsync(TopicOf("x.other"), "2");
        await PublishAsync(TopicOf("y.wanted"), "3");

        Assert.Equal(["1", "3"], Values(await reading));
    }

    /// <summary>A subscription that never stored an offset has none (its subscriber chooses where to begin).</summary>
    [Fact]
    public async Task Load_of_an_unknown_subscription_returns_none()
    {
        Assert.Null(await Subscriptions.LoadOffsetAsync($"{RunId}-never-stored"));
    }

    /// <summary>A stored start of the log is loaded back as such, unlike an offset never stored.</summary>
    [Fact]
    public async Task A_stored_start_is_loaded_back()
    {
        var subscription = $"{RunId}-stored-start";

        Assert.True(await Subscriptions.StoreOffsetAsync(subscription, TopicOffset.Start));

        Assert.Equal(TopicOffset.Start, await Subscriptions.LoadOffsetAsync(subscription));
    }

    /// <summary>A stored offset is loaded back.</summary>
    [Fact]
    public async Task Stored_offset_is_loaded_back()
    {
        var subscription = $"{RunId}-sub";
        var offset = await PublishAsync(TopicOf("a"), "1");

        Assert.True(await Subscriptions.StoreOffsetAsync(subscription, offset));
        Assert.Equal(offset, await Subscriptions.LoadOffsetAsync(subscription));
    }

    /// <summary>Storing an offset before the stored one leaves the stored one: offsets never go back.</summary>
    [Fact]
    public async Task Stored_offset_never_goes_back()
    {
        var subscription = $"{RunId}-sub";
        var first = await PublishAsync(TopicOf("a"), "1");
        var second = await PublishAsync(TopicOf("a"), "2");
        Assert.True(await Subscriptions.StoreOffsetAsync(subscription, second));

        Assert.False(await Subscriptions.StoreOffsetAsync(subscription, first));
        Assert.False(await Subscriptions.StoreOffsetAsync(subscription, second));
        Assert.Equal(second, await Subscriptions.LoadOffsetAsync(subscription));
    }

    /// <summary>
    /// A durable subscriber that stopped (after storing the offset of what it handled) receives, from its stored
    /// offset, every event published while it was down, and nothing it had handled.
    /// </summary>
    [Fact]
    public async Task Durable_subscriber_that_was_down_receives_every_event_published_meanwhile()
    {
        var subscription = $"{RunId}-durable";
        var topic = TopicOf("a");
        await PublishAsync(topic, "1");
        await PublishAsync(topic, "2");
        using (var stop = new CancellationTokenSource())
        {
            var handled = await TakeAsync(Log.SubscribeDurablyAsync(Subscriptions, subscription, Mine, stop.Token), 2);
            await Subscriptions.StoreOffsetAsync(subscription, handled[^1].Offset);
            await stop.CancelAsync();
        }

        for (var i = 3; i <= 6; i++)
        {
            await PublishAsync(topic, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var resumed = await TakeAsync(Log.SubscribeDurablyAsync(Subscriptions, subscription, Mine), 4);
        Assert.Equal(["3", "4", "5", "6"], Values(resumed));
    }

    /// <summary>An append whose payload cannot be serialized stores none of its records.</summary>
    [Fact]
    public async Task Append_with_an_unserializable_payload_stores_nothing()
    {
        var topic = TopicOf("a");
        var error = await Assert.ThrowsAsync<EventSerializationException>(() => Log.AppendAsync(
            [new TopicRecord(topic, new SpecEvent("fine"), "p"), new TopicRecord(topic, new SpecUnregisteredEvent("bad"), "p")]));

        Assert.Contains("Record 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ToListAsync(Log.ReadAsync(TopicOffset.Start, Mine)));
    }

    /// <summary>An append with an empty topic is refused through its task, with an error naming the record.</summary>
    [Fact]
    public async Task Append_with_an_empty_topic_is_refused()
    {
        var append = Log.AppendAsync([new TopicRecord(" ", new SpecEvent("x"), "p")]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => append);
        Assert.Contains("empty topic", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The end of the log is at or after every event appended before it was read (once the transactions that were in
    /// flight then have ended: a store may keep the end below them so that no late commit is skipped), and every event
    /// appended after it comes after it, so a live read started there sees exactly the new events.
    /// </summary>
    [Fact]
    public async Task End_of_the_log_is_after_what_was_appended_and_before_what_comes_next()
    {
        var topic = TopicOf("a");
        var before = await PublishAsync(topic, "1");

        // Another test's transaction on the same server can hold the end below 'before' for a moment.
        var end = await Log.ReadEndAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(10); end < before && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10));
            end = await Log.ReadEndAsync();
        }

        var after = await PublishAsync(topic, "2");

        Assert.True(end >= before, $"{end} >= {before}");
        Assert.True(after > end, $"{after} > {end}");
        Assert.Equal(["2"], Values(await ToListAsync(Log.ReadAsync(end, Mine))));
    }

    /// <summary>An event that cannot be read back ends a read with an error naming its offset and manifest, after the events before it.</summary>
    [Fact]
    public async Task Unreadable_event_ends_a_read_with_its_offset_and_manifest()
    {
        var topic = TopicOf("a");
        await PublishAsync(topic, "1");
        var bad = (await Log.AppendAsync([new TopicRecord(topic, new SpecUnreadableEvent("x"), "p")]))[0];
        await PublishAsync(topic, "3");

        var read = new List<TopicEnvelope>();
        var error = await Assert.ThrowsAsync<TopicPayloadException>(async () =>
        {
            await foreach (var e in Log.ReadAsync(TopicOffset.Start, Mine))
            {
                read.Add(e);
            }
        });

        Assert.Equal(["1"], Values(read));
        Assert.Equal(bad, error.Offset);
        Assert.Contains(bad.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("agents.testkit.spec-unreadable-event", error.Message, StringComparison.Ordinal);
    }
}
