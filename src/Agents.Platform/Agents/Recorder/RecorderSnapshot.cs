using Agents.Persistence.Serialization;

namespace Agents.Platform.Agents.Recorder;

/// <summary>
/// The recorder's kept events at one point of its journal, saved every <c>keep</c> events so that a restart replays
/// at most that many events after it.
/// </summary>
/// <param name="Events">The kept events, oldest first.</param>
[Manifest("agents.recorder-snapshot")]
public sealed record RecorderSnapshot(IReadOnlyList<RecordedEvent> Events);
