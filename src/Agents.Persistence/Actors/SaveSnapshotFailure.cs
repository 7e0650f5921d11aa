using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

/// <summary>Sent to a persistent actor when the snapshot it asked to save could not be stored; the actor keeps running.</summary>
/// <param name="Metadata">The snapshot that was not saved.</param>
/// <param name="Cause">Why (serialization or storage).</param>
public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);
