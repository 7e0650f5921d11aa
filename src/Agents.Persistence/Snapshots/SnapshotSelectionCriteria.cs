namespace Agents.Persistence.Snapshots;

/// <summary>
/// Which snapshots of an entity a load or delete considers: those whose sequence number and timestamp lie within
/// the bounds (all inclusive). A load returns the one with the highest sequence number.
/// </summary>
/// <param name="MaxSequenceNr">Highest sequence number considered.</param>
/// <param name="MaxTimestamp">Latest timestamp considered.</param>
/// <param name="MinSequenceNr">Lowest sequence number considered.</param>
/// <param name="MinTimestamp">Earliest timestamp considered.</param>
public sealed record SnapshotSelectionCriteria(
    long MaxSequenceNr,
    DateTimeOffset MaxTimestamp,
    long MinSequenceNr = 0,
    DateTimeOffset MinTimestamp = default)
{
    /// <summary>Only the sequence number bound; any timestamp.</summary>
    public SnapshotSelectionCriteria(long maxSequenceNr)
        : this(maxSequenceNr, DateTimeOffset.MaxValue)
    {
    }

    /// <summary>Every snapshot: a load picks the latest one.</summary>
    public static SnapshotSelectionCriteria Latest { get; } = new(long.MaxValue, DateTimeOffset.MaxValue);

    /// <summary>No snapshot: recovery replays every event.</summary>
    public static SnapshotSelectionCriteria None { get; } = new(0L, DateTimeOffset.MinValue);

    /// <summary>Whether <paramref name="metadata"/> lies within the bounds.</summary>
    public bool IsMatch(SnapshotMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.SequenceNr <= MaxSequenceNr && metadata.SequenceNr >= MinSequenceNr
            && metadata.Timestamp <= MaxTimestamp && metadata.Timestamp >= MinTimestamp;
    }
}
