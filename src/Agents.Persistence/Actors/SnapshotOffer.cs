using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

/// <summary>The first message of a recovery that found a snapshot: restore the state from it; events after it follow.</summary>
/// <param name="Metadata">Which snapshot it is; its sequence number is the last event it covers.</param>
/// <param name="Snapshot">The state object that was saved.</param>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);
