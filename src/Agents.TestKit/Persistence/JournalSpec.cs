using Agents.Persistence;
using Agents.Persistence.Journal;
using Agents.Persistence.Serialization;

using Xunit;

namespace Agents.TestKit.Persistence;

/// <summary>
/// The journal conformance suite (after Akka.NET's <c>JournalSpec</c>): a store's test class inherits it and
/// supplies the journal, built with <see cref="PersistenceSpec.Serializer"/> and
/// <see cref="PersistenceSpec.WriteAdapters"/>. Every test starts with events 1–5 of <see cref="Pid"/>, written as
/// the atomic writes [1], [2], [3], [4, 5].
/// </summary>
public abstract class JournalSpec : PersistenceSpec, IAsyncLifetime
{
    private IJournal? _journal;

    /// <summary>The journal under test.</summary>
    protected IJournal Journal => _journal ?? throw new InvalidOperationException("The journal is created in InitializeAsync.");

    /// <summary>The entity that holds events 1–5 at the start of every test.</summary>
    protected string Pid => PersistenceIdOf("entity");

    /// <summary>Creates the journal under test; it may share storage with other tests.</summary>
    protected abstract Task<IJournal> CreateJournalAsync();

    /// <summary>Releases the journal; by default disposes it if it is disposable.</summary>
    protected virtual async Task DisposeJournalAsync(IJournal journal)
    {
        if (journal is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _journal = await CreateJournalAsync();
        var results = await Journal.WriteMessagesAsync(
        [
            new AtomicWrite(Event(Pid, 1, "a-1")),
            new AtomicWrite(Event(Pid, 2, "a-2")),
            new AtomicWrite(Event(Pid, 3, "a-3")),
            new AtomicWrite([Event(Pid, 4, "a-4"), Event(Pid, 5, "a-5")]),
        ]);
        Assert.All(results, Assert.Null);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_journal is not null)
        {
            await DisposeJournalAsync(_journal);
        }
    }

    /// <summary>Replays the sequence numbers of <see cref="Pid"/>'s events in the given range.</summary>
    protected async Task<long[]> ReplayAsync(long from, long to, long max, string? persistenceId = null)
    {
        var events = await ToListAsync(Journal.ReplayMessagesAsync(persistenceId ?? Pid, from, to, max));
        return [.. events.Select(e => e.SequenceNr)];
    }

    /// <summary>All events are replayed in order.</summary>
    [Fact]
    public async Task Replay_all_events_in_order()
    {
        var events = await ToListAsync(Journal.ReplayMessagesAsync(Pid, 1, long.MaxValue, long.MaxValue));
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.SequenceNr));
        Assert.Equal(["a-1", "a-2", "a-3", "a-4", "a-5"], events.Select(e => ValueOf(e.Payload)));
    }

    /// <summary>A lower bound skips earlier events.</summary>
    [Fact]
    public async Task Replay_from_a_lower_bound() => Assert.Equal(new long[] { 3L, 4, 5 }, await ReplayAsync(3, long.MaxValue, long.MaxValue));

    /// <summary>An upper bound is inclusive.</summary>
    [Fact]
    public async Task Replay_to_an_upper_bound() => Assert.Equal(new long[] { 1L, 2, 3 }, await ReplayAsync(1, 3, long.MaxValue));

    /// <summary>The count limit stops the replay.</summary>
    [Fact]
    public async Task Replay_at_most_max_events() => Assert.Equal(new long[] { 1L, 2, 3 }, await ReplayAsync(1, long.MaxValue, 3));

    /// <summary>Bounds and the count limit combine.</summary>
    [Fact]
    public async Task Replay_within_bounds_and_max() => Assert.Equal(new long[] { 2L, 3 }, await ReplayAsync(2, 5, 2));

    /// <summary>Equal bounds replay exactly one event.</summary>
    [Fact]
    public async Task Replay_one_event_when_bounds_are_equal() => Assert.Equal(new long[] { 2L }, await ReplayAsync(2, 2, long.MaxValue));

    /// <summary>A count limit of one replays the first event of the range.</summary>
    [Fact]
    public async Task Replay_one_event_when_max_is_one() => Assert.Equal(new long[] { 2L }, await ReplayAsync(2, 4, 1));

    /// <summary>A count limit of zero replays nothing.</summary>
    [Fact]
    public async Task Replay_nothing_when_max_is_zero() => Assert.Empty(await ReplayAsync(2, 4, 0));

    /// <summary>An inverted range replays nothing.</summary>
    [Fact]
    public async Task Replay_nothing_when_lower_bound_exceeds_upper_bound() => Assert.Empty(await ReplayAsync(3, 2, long.MaxValue));

    /// <summary>An entity that never wrote has nothing to replay.</summary>
    [Fact]
    public async Task Replay_nothing_for_an_unknown_entity() =>
        Assert.Empty(await ReplayAsync(1, long.MaxValue, long.MaxValue, PersistenceIdOf("never-written")));

    /// <summary>Replayed events carry what was written: payload, manifest, writer, tags and a timestamp.</summary>
    [Fact]
    public async Task Replayed_event_keeps_its_manifest_writer_tags_and_timestamp()
    {
        var pid = PersistenceIdOf("details");
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var results = await Journal.WriteMessagesAsync(
            [new AtomicWrite(Event(pid, 1, "x", "green", "blue") with { WriterId = "writer-7" })]);
        Assert.Null(results[0]);

        var replayed = Assert.Single(await ToListAsync(Journal.ReplayMessagesAsync(pid, 1, long.MaxValue, long.MaxValue)));
        Assert.Equal(new SpecEvent("x"), replayed.Payload);
        Assert.Equal("agents.testkit.spec-event", replayed.Manifest);
        Assert.Equal("writer-7", replayed.WriterId);
        Assert.Equal(["blue", "green"], replayed.Tags.Order());
        Assert.True(replayed.Timestamp > before, $"Timestamp {replayed.Timestamp:O} was not stamped at write time.");
    }

    /// <summary>The highest sequence number of an unknown entity is 0.</summary>
    [Fact]
    public async Task Highest_sequence_number_of_an_unknown_entity_is_zero() =>
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync(PersistenceIdOf("never-written")));

    /// <summary>The highest sequence number is the last one written.</summary>
    [Fact]
    public async Task Highest_sequence_number_is_the_last_written() =>
        Assert.Equal(5, await Journal.ReadHighestSequenceNrAsync(Pid));

    /// <summary>Deleted events are no longer replayed.</summary>
    [Fact]
    public async Task Deleted_events_are_not_replayed()
    {
        await Journal.DeleteMessagesToAsync(Pid, 3);
        Assert.Equal(new long[] { 4L, 5 }, await ReplayAsync(1, long.MaxValue, long.MaxValue));
    }

    /// <summary>Deleting events keeps the highest sequence number.</summary>
    [Fact]
    public async Task Highest_sequence_number_survives_deletion()
    {
        await Journal.DeleteMessagesToAsync(Pid, 3);
        Assert.Equal(5, await Journal.ReadHighestSequenceNrAsync(Pid));
    }

    /// <summary>Deleting beyond the last event deletes all of them and still keeps the numbering.</summary>
    [Fact]
    public async Task Highest_sequence_number_survives_deleting_everything()
    {
        await Journal.DeleteMessagesToAsync(Pid, long.MaxValue);
        Assert.Empty(await ReplayAsync(1, long.MaxValue, long.MaxValue));
        Assert.Equal(5, await Journal.ReadHighestSequenceNrAsync(Pid));
    }

    /// <summary>An entity keeps writing after its numbers once all its events were deleted.</summary>
    [Fact]
    public async Task Writing_after_deleting_everything_continues_the_numbering()
    {
        await Journal.DeleteMessagesToAsync(Pid, long.MaxValue);
        Assert.Null((await Journal.WriteMessagesAsync([new AtomicWrite(Event(Pid, 6, "a-6"))]))[0]);
        Assert.Equal(new long[] { 6L }, await ReplayAsync(1, long.MaxValue, long.MaxValue));
    }

    /// <summary>All events of an atomic write are stored.</summary>
    [Fact]
    public async Task Atomic_write_of_several_events_stores_them_all()
    {
        var pid = PersistenceIdOf("atomic");
        var results = await Journal.WriteMessagesAsync(
            [new AtomicWrite([Event(pid, 1, "x-1"), Event(pid, 2, "x-2"), Event(pid, 3, "x-3")])]);
        Assert.Null(results[0]);
        Assert.Equal(new long[] { 1L, 2, 3 }, await ReplayAsync(1, long.MaxValue, long.MaxValue, pid));
    }

    /// <summary>A write whose payload cannot be serialized is rejected alone; the rest of the batch is stored.</summary>
    [Fact]
    public async Task Rejected_write_is_not_stored_and_the_others_are()
    {
        var good1 = PersistenceIdOf("good-1");
        var bad = PersistenceIdOf("bad");
        var good2 = PersistenceIdOf("good-2");
        var results = await Journal.WriteMessagesAsync(
        [
            new AtomicWrite(Event(good1, 1, "g-1")),
            new AtomicWrite(new PersistentRepresentation(bad, 1, new SpecUnregisteredEvent("b"))),
            new AtomicWrite(Event(good2, 1, "g-2")),
        ]);

        Assert.Null(results[0]);
        var rejection = Assert.IsType<WriteRejectedException>(results[1]);
        Assert.Equal(bad, rejection.PersistenceId);
        Assert.IsType<EventSerializationException>(rejection.InnerException);
        Assert.Null(results[2]);
        Assert.Equal(new long[] { 1L }, await ReplayAsync(1, long.MaxValue, long.MaxValue, good1));
        Assert.Empty(await ReplayAsync(1, long.MaxValue, long.MaxValue, bad));
        Assert.Equal(new long[] { 1L }, await ReplayAsync(1, long.MaxValue, long.MaxValue, good2));
    }

    /// <summary>One unserializable event rejects its whole atomic write.</summary>
    [Fact]
    public async Task Atomic_write_with_one_unserializable_event_is_rejected_whole()
    {
        var pid = PersistenceIdOf("half-bad");
        var results = await Journal.WriteMessagesAsync(
            [new AtomicWrite([Event(pid, 1, "ok"), new PersistentRepresentation(pid, 2, new SpecUnregisteredEvent("b"))])]);

        Assert.IsType<WriteRejectedException>(results[0]);
        Assert.Empty(await ReplayAsync(1, long.MaxValue, long.MaxValue, pid));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync(pid));
    }

    /// <summary>A second writer that reuses a stored sequence number fails with an error naming entity and number.</summary>
    [Fact]
    public async Task Second_writer_of_a_stored_sequence_number_is_fenced()
    {
        var error = await Assert.ThrowsAsync<SequenceNumberConflictException>(() =>
            Journal.WriteMessagesAsync([new AtomicWrite(Event(Pid, 5, "intruder") with { WriterId = "writer-2" })]));

        Assert.Equal(Pid, error.PersistenceId);
        Assert.Equal(5, error.SequenceNr);
        Assert.Contains(Pid, error.Message, StringComparison.Ordinal);
        var stored = await ToListAsync(Journal.ReplayMessagesAsync(Pid, 5, 5, 1));
        Assert.Equal("a-5", ValueOf(Assert.Single(stored).Payload));
    }

    /// <summary>A fenced call stores none of its writes, not even those of other entities.</summary>
    [Fact]
    public async Task Fenced_call_stores_none_of_its_writes()
    {
        var other = PersistenceIdOf("bystander");
        await Assert.ThrowsAsync<SequenceNumberConflictException>(() => Journal.WriteMessagesAsync(
            [new AtomicWrite(Event(other, 1, "o-1")), new AtomicWrite(Event(Pid, 3, "intruder"))]));

        Assert.Empty(await ReplayAsync(1, long.MaxValue, long.MaxValue, other));
    }

    /// <summary>A fenced writer does not fail other callers writing at the same time.</summary>
    [Fact]
    public async Task Fencing_one_writer_does_not_fail_concurrent_callers()
    {
        var innocent = Enumerable.Range(1, 20)
            .Select(i => Journal.WriteMessagesAsync([new AtomicWrite(Event(PersistenceIdOf($"innocent-{i}"), 1, $"i-{i}"))]))
            .ToList();
        var intruder = Journal.WriteMessagesAsync([new AtomicWrite(Event(Pid, 2, "intruder"))]);
        var more = Enumerable.Range(21, 20)
            .Select(i => Journal.WriteMessagesAsync([new AtomicWrite(Event(PersistenceIdOf($"innocent-{i}"), 1, $"i-{i}"))]))
            .ToList();

        await Assert.ThrowsAsync<SequenceNumberConflictException>(() => intruder);
        foreach (var results in await Task.WhenAll(innocent.Concat(more)))
        {
            Assert.Null(Assert.Single(results));
        }

        for (var i = 1; i <= 40; i++)
        {
            Assert.Equal(new long[] { 1L }, await ReplayAsync(1, long.MaxValue, long.MaxValue, PersistenceIdOf($"innocent-{i}")));
        }
    }

    /// <summary>Two atomic writes of the same sequence number in one call conflict with each other.</summary>
    [Fact]
    public async Task Duplicate_sequence_numbers_within_one_call_are_fenced()
    {
        var pid = PersistenceIdOf("twice");
        var error = await Assert.ThrowsAsync<SequenceNumberConflictException>(() => Journal.WriteMessagesAsync(
            [new AtomicWrite(Event(pid, 1, "first")), new AtomicWrite(Event(pid, 1, "second"))]));

        Assert.Equal(pid, error.PersistenceId);
        Assert.Empty(await ReplayAsync(1, long.MaxValue, long.MaxValue, pid));
    }

    /// <summary>An event that cannot be read back fails its entity's replay with an error naming it, and only that entity.</summary>
    [Fact]
    public async Task Unreadable_event_fails_only_its_entity()
    {
        var broken = PersistenceIdOf("broken");
        var results = await Journal.WriteMessagesAsync(
        [
            new AtomicWrite(Event(broken, 1, "fine")),
            new AtomicWrite(new PersistentRepresentation(broken, 2, new SpecUnreadableEvent("poison"))),
        ]);
        Assert.All(results, Assert.Null);

        var error = await Assert.ThrowsAsync<EventDeserializationException>(() =>
            ToListAsync(Journal.ReplayMessagesAsync(broken, 1, long.MaxValue, long.MaxValue)));
        Assert.Equal(broken, error.PersistenceId);
        Assert.Equal(2, error.SequenceNr);
        Assert.Equal("agents.testkit.spec-unreadable-event", error.Manifest);
        Assert.Equal(new long[] { 1L, 2, 3, 4, 5 }, await ReplayAsync(1, long.MaxValue, long.MaxValue));
    }

    /// <summary>A call cancelled before it starts stores nothing.</summary>
    [Fact]
    public async Task Write_cancelled_before_it_starts_stores_nothing()
    {
        var pid = PersistenceIdOf("cancelled");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Journal.WriteMessagesAsync([new AtomicWrite(Event(pid, 1, "c"))], cancelled.Token));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync(pid));
    }
}
