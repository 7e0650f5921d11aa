using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

/// <summary>Sent to a persistent actor when the snapshot it asked to save is durable.</summary>
/// <param name="Metadata">The saved snapshot.</param>
public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);
