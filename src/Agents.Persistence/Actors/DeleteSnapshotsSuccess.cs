using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

/// <summary>Sent to a persistent actor when the snapshots matching its criteria are deleted.</summary>
/// <param name="Criteria">The criteria the deletion used.</param>
public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria);
