using Agents.Persistence.Journal;

namespace Agents.Persistence.Snapshots;

/// <summary>
/// Stores snapshots of entity state so that recovery replays only the events after the latest one (Akka.NET's
/// <c>SnapshotStore</c>). At most one snapshot is kept per (persistence id, sequence number). Every implementation
/// runs the conformance suite <c>Agents.TestKit.Persistence.SnapshotStoreSpec</c>; all members may be called
/// concurrently. Storage problems surface as <see cref="JournalStorageException"/>.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>
    /// Loads the snapshot of <paramref name="persistenceId"/> with the highest sequence number among those that
    /// match <paramref name="criteria"/>, or <c>null</c> when none does.
    /// </summary>
    /// <exception cref="Serialization.EventDeserializationException">The selected snapshot cannot be read back.</exception>
    Task<SelectedSnapshot?> LoadAsync(
        string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="snapshot"/> durably, replacing any snapshot with the same persistence id and sequence
    /// number.
    /// </summary>
    /// <exception cref="Serialization.EventSerializationException">The snapshot cannot be serialized; nothing was stored.</exception>
    Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default);

    /// <summary>Deletes the snapshot with <paramref name="metadata"/>'s persistence id and sequence number, if any.</summary>
    Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Deletes every snapshot of <paramref name="persistenceId"/> that matches <paramref name="criteria"/>.</summary>
    Task DeleteAsync(
        string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);
}
