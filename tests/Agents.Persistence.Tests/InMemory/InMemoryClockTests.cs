using Agents.Persistence.InMemory;
using Agents.Persistence.Snapshots;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.Tests.InMemory;

public sealed class InMemoryClockTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2025, 6, 1, 8, 30, 0, TimeSpan.FromHours(2)).AddTicks(12_345_678);

    [Fact]
    public async Task Journal_stamps_events_from_its_time_provider_in_utc_microseconds()
    {
        var journal = new InMemoryJournal(PersistenceSpec.Serializer, timeProvider: new FixedTimeProvider(Now));
        await journal.WriteMessagesAsync([new AtomicWrite(new PersistentRepresentation("a", 1, new SpecEvent("x")))]);

        var replayed = await journal.ReplayMessagesAsync("a", 1, 1, 1).SingleAsync();
        Assert.Equal(Now.AddTicks(-8), replayed.Timestamp);
        Assert.Equal(TimeSpan.Zero, replayed.Timestamp.Offset);
    }

    [Fact]
    public async Task Snapshot_store_stamps_snapshots_saved_without_a_timestamp()
    {
        var store = new InMemorySnapshotStore(PersistenceSpec.Serializer, new FixedTimeProvider(Now));
        await store.SaveAsync(new SnapshotMetadata("a", 1), new SpecSnapshot("s"));

        var loaded = await store.LoadAsync("a", SnapshotSelectionCriteria.Latest);
        Assert.Equal(Now.AddTicks(-8), loaded?.Metadata.Timestamp);
    }
}
