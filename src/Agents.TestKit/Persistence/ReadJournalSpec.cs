using System.Runtime.CompilerServices;
using Agents.Persistence;
using Agents.Persistence.Journal;
using Agents.Persistence.Query;
using Agents.Persistence.Serialization;

using Xunit;

namespace Agents.TestKit.Persistence;

/// <summary>
/// The query conformance suite: a store's test class inherits it and supplies a journal (built with
/// <see cref="PersistenceSpec.Serializer"/> and <see cref="PersistenceSpec.WriteAdapters"/>) and the read journal
/// over the same storage, implementing all six query interfaces.
/// </summary>
public abstract class ReadJournalSpec : PersistenceSpec, IAsyncLifetime
{
    private IJournal? _journal;
    private IReadJournal? _readJournal;

    /// <summary>The journal the tests write through.</summary>
    protected IJournal Journal => _journal ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>The read journal under test.</summary>
    protected IReadJournal ReadJournal => _readJournal ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>Creates the journal and the read journal over the same storage; they may share storage with other tests.</summary>
    protected abstract Task<(IJournal Journal, IReadJournal ReadJournal)> CreateStoreAsync();

    /// <summary>Releases both; by default disposes each one that is disposable.</summary>
    protected virtual async Task DisposeStoreAsync(IJournal journal, IReadJournal readJournal)
    {
        if (readJournal is IAsyncDisposable r)
        {
            await r.DisposeAsync();
        }

        if (!ReferenceEquals(journal, readJournal) && journal is IAsyncDisposable j)
        {
            await j.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async Task InitializeAsync() => (_journal, _readJournal) = await CreateStoreAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_journal is not null && _readJournal is not null)
        {
            await DisposeStoreAsync(_journal, _readJournal);
        }
    }

    /// <summary>The read journal as query interface <typeparamref name="T"/>.</summary>
    protected T Query<T>() where T : IReadJournal =>
        ReadJournal is T query
            ? query
            : throw new InvalidOperationException($"{ReadJournal.GetType().Name} does not implement {typeof(T).Name}.");

    /// <summary>Writes one event and asserts it was stored.</summary>
    protected async Task WriteAsync(string persistenceId, long sequenceNr, string value, params string[] tags)
    {
        var results = await Journal.WriteMessagesAsync([new AtomicWrite(Event(persistenceId, sequenceNr, value, tags))]);
        Assert.Null(results[0]);
    }

    private static string Describe(EventEnvelope e) => $"{e.PersistenceId}#{e.SequenceNr}";

    /// <summary>The events of one entity come in sequence number order, limited to the range.</summary>
    [Fact]
    public async Task Current_events_by_persistence_id_returns_the_range_in_order()
    {
        var pid = PersistenceIdOf("a");
        for (var i = 1; i <= 5; i++)
        {
            await WriteAsync(pid, i, $"a-{i}");
        }

        var events = await ToListAsync(Query<ICurrentEventsByPersistenceIdQuery>().CurrentEventsByPersistenceId(pid, 2, 4));
        Assert.Equal([2L, 3, 4], events.Select(e => e.SequenceNr));
        Assert.Equal(["a-2", "a-3", "a-4"], events.Select(e => ValueOf(e.Event)));
        Assert.All(events, e => Assert.Equal(pid, e.PersistenceId));
    }

    /// <summary>Deleted events are not returned by a query by persistence id.</summary>
    [Fact]
    public async Task Current_events_by_persistence_id_skips_deleted_events()
    {
        var pid = PersistenceIdOf("a");
        for (var i = 1; i <= 4; i++)
        {
            await WriteAsync(pid, i, $"a-{i}");
        }

        await Journal.DeleteMessagesToAsync(pid, 2);
        var events = await ToListAsync(
            Query<ICurrentEventsByPersistenceIdQuery>().CurrentEventsByPersistenceId(pid, 1, long.MaxValue));
        Assert.Equal([3L, 4], events.Select(e => e.SequenceNr));
    }

    /// <summary>A live query by persistence id delivers stored events, then later ones.</summary>
    [Fact]
    public async Task Live_events_by_persistence_id_delivers_later_writes()
    {
        var pid = PersistenceIdOf("a");
        await WriteAsync(pid, 1, "a-1");
        await WriteAsync(pid, 2, "a-2");
        var reading = TakeAsync(Query<IEventsByPersistenceIdQuery>().EventsByPersistenceId(pid, 1, long.MaxValue), 4);
        await WriteAsync(pid, 3, "a-3");
        await WriteAsync(pid, 4, "a-4");

        Assert.Equal([1L, 2, 3, 4], (await reading).Select(e => e.SequenceNr));
    }

    /// <summary>A live query by persistence id ends once it delivered its upper bound.</summary>
    [Fact]
    public async Task Live_events_by_persistence_id_ends_at_its_upper_bound()
    {
        var pid = PersistenceIdOf("a");
        await WriteAsync(pid, 1, "a-1");
        var reading = ToListAsync(Query<IEventsByPersistenceIdQuery>().EventsByPersistenceId(pid, 1, 3));
        for (var i = 2; i <= 4; i++)
        {
            await WriteAsync(pid, i, $"a-{i}");
        }

        Assert.Equal([1L, 2, 3], (await reading).Select(e => e.SequenceNr));
    }

    /// <summary>A tag query returns the tagged events of all entities in the order they were written, then ends.</summary>
    [Fact]
    public async Task Current_events_by_tag_returns_tagged_events_of_all_entities_in_write_order()
    {
        var (a, b, c) = (PersistenceIdOf("a"), PersistenceIdOf("b"), PersistenceIdOf("c"));
        var tag = TagOf("t");
        await WriteAsync(a, 1, "a-1", tag);
        await WriteAsync(b, 1, "b-1", tag);
        await WriteAsync(a, 2, "a-2", tag);
        await WriteAsync(c, 1, "c-1", TagOf("other"));
        await WriteAsync(b, 2, "b-2", tag, TagOf("other"));

        var events = await ToListAsync(Query<ICurrentEventsByTagQuery>().CurrentEventsByTag(tag, Offset.NoOffset));
        Assert.Equal([$"{a}#1", $"{b}#1", $"{a}#2", $"{b}#2"], events.Select(Describe));
        Assert.Equal(4, events.Select(e => e.Offset).Distinct().Count());
        Assert.Contains(tag, events[3].Tags);
    }

    /// <summary>Tags added by write adapters select events like the event's own tags.</summary>
    [Fact]
    public async Task Current_events_by_tag_includes_tags_added_by_write_adapters()
    {
        var pid = PersistenceIdOf("a");
        var tag = TagOf("adapted");
        var results = await Journal.WriteMessagesAsync(
            [new AtomicWrite(new PersistentRepresentation(pid, 1, new SpecEvent("a-1", AdapterTag: tag)))]);
        Assert.Null(results[0]);

        var e = Assert.Single(await ToListAsync(Query<ICurrentEventsByTagQuery>().CurrentEventsByTag(tag, Offset.NoOffset)));
        Assert.Equal(new SpecEvent("a-1", tag), e.Event);
    }

    /// <summary>A tag query resumes right after the offset of an event it delivered before.</summary>
    [Fact]
    public async Task Current_events_by_tag_resumes_after_an_offset()
    {
        var (a, b) = (PersistenceIdOf("a"), PersistenceIdOf("b"));
        var tag = TagOf("t");
        await WriteAsync(a, 1, "a-1", tag);
        await WriteAsync(b, 1, "b-1", tag);
        await WriteAsync(a, 2, "a-2", tag);
        await WriteAsync(b, 2, "b-2", tag);
        var query = Query<ICurrentEventsByTagQuery>();
        var all = await ToListAsync(query.CurrentEventsByTag(tag, Offset.NoOffset));

        var rest = await ToListAsync(query.CurrentEventsByTag(tag, all[1].Offset));
        Assert.Equal([$"{a}#2", $"{b}#2"], rest.Select(Describe));
        Assert.Empty(await ToListAsync(query.CurrentEventsByTag(tag, all[3].Offset)));
    }

    /// <summary>Deleted events are not returned by a tag query.</summary>
    [Fact]
    public async Task Current_events_by_tag_skips_deleted_events()
    {
        var (a, b) = (PersistenceIdOf("a"), PersistenceIdOf("b"));
        var tag = TagOf("t");
        await WriteAsync(a, 1, "a-1", tag);
        await WriteAsync(b, 1, "b-1", tag);
        await WriteAsync(a, 2, "a-2", tag);
        await Journal.DeleteMessagesToAsync(a, 1);

        var events = await ToListAsync(Query<ICurrentEventsByTagQuery>().CurrentEventsByTag(tag, Offset.NoOffset));
        Assert.Equal([$"{b}#1", $"{a}#2"], events.Select(Describe));
    }

    /// <summary>An offset that names no event of the store is refused with a clear error.</summary>
    [Fact]
    public async Task Offset_that_names_no_event_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ToListAsync(
            Query<ICurrentEventsByTagQuery>().CurrentEventsByTag(TagOf("t"), Offset.Sequence(long.MaxValue - 1))));
        Assert.Contains("Offset", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A live tag query delivers stored events, then later ones.</summary>
    [Fact]
    public async Task Live_events_by_tag_delivers_later_writes()
    {
        var (a, b) = (PersistenceIdOf("a"), PersistenceIdOf("b"));
        var tag = TagOf("t");
        await WriteAsync(a, 1, "a-1", tag);
        var reading = TakeAsync(Query<IEventsByTagQuery>().EventsByTag(tag, Offset.NoOffset), 3);
        await WriteAsync(b, 1, "b-1", tag);
        await WriteAsync(b, 2, "b-2", TagOf("other"));
        await WriteAsync(a, 2, "a-2", tag);

        Assert.Equal([$"{a}#1", $"{b}#1", $"{a}#2"], (await reading).Select(Describe));
    }

    /// <summary>A live tag query from an offset starts right after it.</summary>
    [Fact]
    public async Task Live_events_by_tag_from_an_offset_delivers_only_later_events()
    {
        var a = PersistenceIdOf("a");
        var tag = TagOf("t");
        await WriteAsync(a, 1, "a-1", tag);
        await WriteAsync(a, 2, "a-2", tag);
        var first = await TakeAsync(Query<IEventsByTagQuery>().EventsByTag(tag, Offset.NoOffset), 1);
        var reading = TakeAsync(Query<IEventsByTagQuery>().EventsByTag(tag, first[0].Offset), 2);
        await WriteAsync(a, 3, "a-3", tag);

        Assert.Equal([$"{a}#2", $"{a}#3"], (await reading).Select(Describe));
    }

    /// <summary>
    /// Many concurrent writers: a live tag reader gets every event exactly once, in the order a later current query
    /// returns, and each entity's events in sequence order.
    /// </summary>
    [Fact]
    public async Task Concurrent_writers_are_delivered_live_exactly_once_in_the_stable_order()
    {
        const int Writers = 8, EventsPerWriter = 25;
        var tag = TagOf("busy");
        var reading = TakeAsync(Query<IEventsByTagQuery>().EventsByTag(tag, Offset.NoOffset), Writers * EventsPerWriter);
        var writing = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var pid = PersistenceIdOf($"writer-{w}");
            for (var i = 1; i <= EventsPerWriter; i++)
            {
                await WriteAsync(pid, i, $"{w}-{i}", tag);
            }
        }));
        await Task.WhenAll(writing);

        var live = (await reading).Select(Describe).ToList();
        var current = (await ToListAsync(Query<ICurrentEventsByTagQuery>().CurrentEventsByTag(tag, Offset.NoOffset)))
            .Select(Describe).ToList();
        Assert.Equal(Writers * EventsPerWriter, live.Distinct().Count());
        Assert.Equal(current, live);
        foreach (var byEntity in live.GroupBy(d => d.Split('#')[0]))
        {
            Assert.Equal(Enumerable.Range(1, EventsPerWriter).Select(i => $"{byEntity.Key}#{i}"), byEntity);
        }
    }

    /// <summary>Calls for one entity that overlap in time are stored in the order they were made.</summary>
    [Fact]
    public async Task Overlapping_calls_of_one_entity_are_stored_in_call_order()
    {
        var pid = PersistenceIdOf("eager");
        var tag = TagOf("t");
        var calls = Enumerable.Range(1, 30)
            .Select(i => Journal.WriteMessagesAsync([new AtomicWrite(Event(pid, i, $"e-{i}", tag))]))
            .ToList();
        foreach (var results in await Task.WhenAll(calls))
        {
            Assert.Null(Assert.Single(results));
        }

        var events = await ToListAsync(Query<ICurrentEventsByTagQuery>().CurrentEventsByTag(tag, Offset.NoOffset));
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), events.Select(e => e.SequenceNr));
    }

    /// <summary>An event that cannot be read back ends a tag stream with an error naming it; nothing is skipped.</summary>
    [Fact]
    public async Task Unreadable_event_ends_a_tag_stream_with_an_error_naming_it()
    {
        var pid = PersistenceIdOf("broken");
        var tag = TagOf("t");
        await WriteAsync(pid, 1, "fine", tag);
        var results = await Journal.WriteMessagesAsync(
            [new AtomicWrite(new PersistentRepresentation(pid, 2, new SpecUnreadableEvent("poison")) { Tags = [tag] })]);
        Assert.Null(results[0]);

        var error = await Assert.ThrowsAsync<EventDeserializationException>(() =>
            ToListAsync(Query<ICurrentEventsByTagQuery>().CurrentEventsByTag(tag, Offset.NoOffset)));
        Assert.Equal(pid, error.PersistenceId);
        Assert.Equal(2, error.SequenceNr);
    }

    /// <summary>Each entity is listed once, however many events it has.</summary>
    [Fact]
    public async Task Current_persistence_ids_lists_each_entity_once()
    {
        var (a, b) = (PersistenceIdOf("a"), PersistenceIdOf("b"));
        await WriteAsync(a, 1, "a-1");
        await WriteAsync(a, 2, "a-2");
        await WriteAsync(b, 1, "b-1");

        var ids = await ToListAsync(Query<ICurrentPersistenceIdsQuery>().CurrentPersistenceIds());
        Assert.Equal([a, b], ids.Where(id => id.StartsWith(RunId, StringComparison.Ordinal)).Order());
    }

    /// <summary>An entity stays listed after all its events are deleted.</summary>
    [Fact]
    public async Task Current_persistence_ids_keeps_entities_whose_events_were_deleted()
    {
        var a = PersistenceIdOf("a");
        await WriteAsync(a, 1, "a-1");
        await Journal.DeleteMessagesToAsync(a, long.MaxValue);

        var ids = await ToListAsync(Query<ICurrentPersistenceIdsQuery>().CurrentPersistenceIds());
        Assert.Contains(a, ids);
    }

    /// <summary>A live persistence id query delivers existing entities, then new ones, each once.</summary>
    [Fact]
    public async Task Live_persistence_ids_delivers_new_entities()
    {
        var (a, b, c) = (PersistenceIdOf("a"), PersistenceIdOf("b"), PersistenceIdOf("c"));
        await WriteAsync(a, 1, "a-1");
        var reading = TakeAsync(Mine(Query<IPersistenceIdsQuery>().PersistenceIds()), 3);
        await WriteAsync(b, 1, "b-1");
        await WriteAsync(a, 2, "a-2");
        await WriteAsync(c, 1, "c-1");

        Assert.Equal([a, b, c], (await reading).Order());
    }

    private async IAsyncEnumerable<string> Mine(
        IAsyncEnumerable<string> ids, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var id in ids.WithCancellation(cancellationToken))
        {
            if (id.StartsWith(RunId, StringComparison.Ordinal))
            {
                yield return id;
            }
        }
    }
}
