using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

/// <summary>Sent to a persistent actor when the snapshot it asked to delete could not be deleted.</summary>
/// <param name="Metadata">The snapshot.</param>
/// <param name="Cause">Why.</param>
public sealed record DeleteSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);
