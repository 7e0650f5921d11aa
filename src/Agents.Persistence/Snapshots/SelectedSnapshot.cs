namespace Agents.Persistence.Snapshots;

/// <summary>A loaded snapshot.</summary>
/// <param name="Metadata">Which snapshot it is.</param>
/// <param name="Snapshot">The state object, deserialized.</param>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, object Snapshot);
