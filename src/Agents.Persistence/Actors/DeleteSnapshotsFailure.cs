using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

/// <summary>Sent to a persistent actor when the snapshots matching its criteria could not be deleted.</summary>
/// <param name="Criteria">The criteria.</param>
/// <param name="Cause">Why.</param>
public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause);
