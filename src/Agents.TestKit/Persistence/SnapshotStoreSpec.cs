using Agents.Persistence.Serialization;
using Agents.Persistence.Snapshots;

using Xunit;

namespace Agents.TestKit.Persistence;

/// <summary>
/// The snapshot store conformance suite (after Akka.NET's <c>SnapshotStoreSpec</c>): a store's test class inherits
/// it and supplies the store, built with <see cref="PersistenceSpec.Serializer"/>. Every test starts with snapshots
/// of <see cref="Pid"/> at sequence numbers 10, 20, 30, 40 and 50, taken one minute apart from <see cref="Epoch"/>.
/// </summary>
public abstract class SnapshotStoreSpec : PersistenceSpec, IAsyncLifetime
{
    /// <summary>The timestamp of the snapshot at sequence number 10.</summary>
    protected static readonly DateTimeOffset Epoch = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private ISnapshotStore? _store;

    /// <summary>The store under test.</summary>
    protected ISnapshotStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>The entity whose snapshots exist at the start of every test.</summary>
    protected string Pid => PersistenceIdOf("entity");

    /// <summary>Creates the store under test; it may share storage with other tests.</summary>
    protected abstract Task<ISnapshotStore> CreateSnapshotStoreAsync();

    /// <summary>Releases the store; by default disposes it if it is disposable.</summary>
    protected virtual async Task DisposeSnapshotStoreAsync(ISnapshotStore store)
    {
        if (store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _store = await CreateSnapshotStoreAsync();
        for (var i = 1; i <= 5; i++)
        {
            await Store.SaveAsync(Metadata(i * 10), new SpecSnapshot($"s-{i * 10}"));
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeSnapshotStoreAsync(_store);
        }
    }

    /// <summary>The metadata of the initial snapshot at <paramref name="sequenceNr"/>.</summary>
    protected SnapshotMetadata Metadata(long sequenceNr) =>
        new(Pid, sequenceNr, Epoch.AddMinutes((sequenceNr / 10) - 1));

    /// <summary>Loads the sequence number of the snapshot selected by <paramref name="criteria"/>, or null.</summary>
    protected async Task<long?> LoadSequenceNrAsync(SnapshotSelectionCriteria criteria) =>
        (await Store.LoadAsync(Pid, criteria))?.Metadata.SequenceNr;

    /// <summary>An entity without snapshots loads nothing.</summary>
    [Fact]
    public async Task Load_finds_nothing_for_an_entity_without_snapshots() =>
        Assert.Null(await Store.LoadAsync(PersistenceIdOf("none"), SnapshotSelectionCriteria.Latest));

    /// <summary>Without bounds the latest snapshot is loaded, with its state and metadata.</summary>
    [Fact]
    public async Task Load_returns_the_latest_snapshot()
    {
        var loaded = await Store.LoadAsync(Pid, SnapshotSelectionCriteria.Latest);
        Assert.NotNull(loaded);
        Assert.Equal(Metadata(50), loaded.Metadata);
        Assert.Equal(new SpecSnapshot("s-50"), loaded.Snapshot);
    }

    /// <summary>The latest snapshot at or below the sequence number bound is loaded.</summary>
    [Fact]
    public async Task Load_respects_the_maximum_sequence_number() =>
        Assert.Equal(30, await LoadSequenceNrAsync(new SnapshotSelectionCriteria(35)));

    /// <summary>The latest snapshot at or before the timestamp bound is loaded.</summary>
    [Fact]
    public async Task Load_respects_the_maximum_timestamp() =>
        Assert.Equal(20, await LoadSequenceNrAsync(new SnapshotSelectionCriteria(long.MaxValue, Epoch.AddMinutes(1.5))));

    /// <summary>Both maximum bounds apply together.</summary>
    [Fact]
    public async Task Load_respects_both_maximum_bounds() =>
        Assert.Equal(20, await LoadSequenceNrAsync(new SnapshotSelectionCriteria(45, Epoch.AddMinutes(1))));

    /// <summary>Snapshots below the minimum bounds are not considered.</summary>
    [Fact]
    public async Task Load_respects_the_minimum_bounds()
    {
        Assert.Null(await LoadSequenceNrAsync(new SnapshotSelectionCriteria(25, DateTimeOffset.MaxValue, MinSequenceNr: 21)));
        Assert.Null(await LoadSequenceNrAsync(
            new SnapshotSelectionCriteria(45, DateTimeOffset.MaxValue, MinTimestamp: Epoch.AddMinutes(3.5))));
        Assert.Equal(40, await LoadSequenceNrAsync(new SnapshotSelectionCriteria(45, DateTimeOffset.MaxValue, MinSequenceNr: 40)));
    }

    /// <summary><see cref="SnapshotSelectionCriteria.None"/> selects nothing.</summary>
    [Fact]
    public async Task Load_with_no_criteria_selects_nothing() =>
        Assert.Null(await LoadSequenceNrAsync(SnapshotSelectionCriteria.None));

    /// <summary>Saving at an existing sequence number replaces that snapshot.</summary>
    [Fact]
    public async Task Save_replaces_the_snapshot_at_the_same_sequence_number()
    {
        await Store.SaveAsync(Metadata(50), new SpecSnapshot("s-50-again"));
        var loaded = await Store.LoadAsync(Pid, SnapshotSelectionCriteria.Latest);
        Assert.Equal(new SpecSnapshot("s-50-again"), loaded?.Snapshot);
    }

    /// <summary>A snapshot saved without a timestamp gets the store's current time.</summary>
    [Fact]
    public async Task Save_without_timestamp_stamps_the_current_time()
    {
        var pid = PersistenceIdOf("stamped");
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        await Store.SaveAsync(new SnapshotMetadata(pid, 1), new SpecSnapshot("s"));
        var loaded = await Store.LoadAsync(pid, SnapshotSelectionCriteria.Latest);
        Assert.NotNull(loaded);
        Assert.True(loaded.Metadata.Timestamp > before, $"Timestamp {loaded.Metadata.Timestamp:O} is not the save time.");
    }

    /// <summary>Snapshots of different entities do not mix.</summary>
    [Fact]
    public async Task Snapshots_of_other_entities_are_not_loaded()
    {
        var other = PersistenceIdOf("other");
        await Store.SaveAsync(new SnapshotMetadata(other, 99, Epoch), new SpecSnapshot("other"));
        Assert.Equal(50, await LoadSequenceNrAsync(SnapshotSelectionCriteria.Latest));
        Assert.Equal(new SpecSnapshot("other"), (await Store.LoadAsync(other, SnapshotSelectionCriteria.Latest))?.Snapshot);
    }

    /// <summary>Deleting one snapshot makes the previous one the latest.</summary>
    [Fact]
    public async Task Delete_removes_one_snapshot()
    {
        await Store.DeleteAsync(Metadata(50));
        Assert.Equal(40, await LoadSequenceNrAsync(SnapshotSelectionCriteria.Latest));
        Assert.Equal(30, await LoadSequenceNrAsync(new SnapshotSelectionCriteria(30)));
    }

    /// <summary>Deleting by criteria removes exactly the matching snapshots.</summary>
    [Fact]
    public async Task Delete_by_criteria_removes_the_matching_snapshots()
    {
        await Store.DeleteAsync(Pid, new SnapshotSelectionCriteria(40, DateTimeOffset.MaxValue, MinSequenceNr: 20));
        Assert.Equal(50, await LoadSequenceNrAsync(SnapshotSelectionCriteria.Latest));
        Assert.Equal(10, await LoadSequenceNrAsync(new SnapshotSelectionCriteria(45)));
    }

    /// <summary>Deleting with <see cref="SnapshotSelectionCriteria.Latest"/> removes every snapshot of the entity.</summary>
    [Fact]
    public async Task Delete_all_snapshots_of_an_entity()
    {
        await Store.DeleteAsync(Pid, SnapshotSelectionCriteria.Latest);
        Assert.Null(await LoadSequenceNrAsync(SnapshotSelectionCriteria.Latest));
    }

    /// <summary>A snapshot that cannot be serialized is refused and nothing is stored.</summary>
    [Fact]
    public async Task Unserializable_snapshot_is_refused()
    {
        var pid = PersistenceIdOf("unserializable");
        await Assert.ThrowsAsync<EventSerializationException>(() =>
            Store.SaveAsync(new SnapshotMetadata(pid, 1), new SpecUnregisteredEvent("x")));
        Assert.Null(await Store.LoadAsync(pid, SnapshotSelectionCriteria.Latest));
    }

    /// <summary>A snapshot that cannot be read back fails with an error naming the entity and sequence number.</summary>
    [Fact]
    public async Task Unreadable_snapshot_fails_with_an_error_naming_it()
    {
        var pid = PersistenceIdOf("unreadable");
        await Store.SaveAsync(new SnapshotMetadata(pid, 7), new SpecUnreadableEvent("poison"));
        var error = await Assert.ThrowsAsync<EventDeserializationException>(() =>
            Store.LoadAsync(pid, SnapshotSelectionCriteria.Latest));
        Assert.Equal(pid, error.PersistenceId);
        Assert.Equal(7, error.SequenceNr);
    }
}
