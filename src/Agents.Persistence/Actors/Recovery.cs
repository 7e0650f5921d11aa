using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

/// <summary>
/// How a persistent actor recovers (Akka.NET's <c>Recovery</c>): from the latest snapshot that matches
/// <see cref="FromSnapshot"/>, then the events after it up to <see cref="ToSequenceNr"/>, at most
/// <see cref="ReplayMax"/> of them.
/// </summary>
/// <param name="FromSnapshot">Which snapshots may be offered; <see cref="SnapshotSelectionCriteria.None"/> replays every event.</param>
/// <param name="ToSequenceNr">The last event replayed (inclusive).</param>
/// <param name="ReplayMax">The most events replayed.</param>
public sealed record Recovery(SnapshotSelectionCriteria FromSnapshot, long ToSequenceNr = long.MaxValue, long ReplayMax = long.MaxValue)
{
    /// <summary>The latest snapshot, then every later event: the default.</summary>
    public static Recovery Default { get; } = new(SnapshotSelectionCriteria.Latest);

    /// <summary>No snapshot and no event: the actor starts empty but continues the numbering of its stored events.</summary>
    public static Recovery None { get; } = new(SnapshotSelectionCriteria.None, 0, 0);
}
