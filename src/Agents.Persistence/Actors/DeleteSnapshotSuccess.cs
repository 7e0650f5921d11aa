using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

/// <summary>Sent to a persistent actor when the snapshot it asked to delete is gone.</summary>
/// <param name="Metadata">The deleted snapshot.</param>
public sealed record DeleteSnapshotSuccess(SnapshotMetadata Metadata);
