using Agents.Persistence.Topics;

namespace Agents.Node.Management;

/// <summary>Where a stream of new topic events starts (<see cref="StoreBrowser.ReadTopicLiveStartAsync"/>).</summary>
/// <param name="After">Read the log after this offset.</param>
/// <param name="AlreadyCommitted">Events after <paramref name="After"/> that were committed before the stream started: not new, so skipped.</param>
internal sealed record TopicLiveStart(TopicOffset After, IReadOnlySet<TopicOffset> AlreadyCommitted)
{
    /// <summary>The whole log: nothing skipped.</summary>
    public static TopicLiveStart Beginning { get; } = new(TopicOffset.Start, new HashSet<TopicOffset>());
}
