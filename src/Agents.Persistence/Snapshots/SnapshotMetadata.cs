namespace Agents.Persistence.Snapshots;

/// <summary>Identifies a snapshot: the entity, the last event it covers, and when it was taken.</summary>
/// <param name="PersistenceId">The entity.</param>
/// <param name="SequenceNr">The sequence number of the last event the snapshot includes; replay resumes after it.</param>
/// <param name="Timestamp">
/// When the snapshot was taken; <c>default</c> on save means "now" by the store's clock. Stores keep microsecond
/// precision in UTC.
/// </param>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp = default);
