using Agents.Persistence.Topics;

namespace Agents.Persistence.Tests.Topics;

public sealed class TopicOffsetTests
{
    [Fact]
    public void Offsets_compare_by_batch_before_sequence()
    {
        // PostgreSQL hands out sequences before commit: a later transaction may hold the smaller sequence.
        Assert.True(new TopicOffset(5, 100) < new TopicOffset(6, 3));
        Assert.True(new TopicOffset(6, 3) < new TopicOffset(6, 4));
    }

    [Fact]
    public void Start_comes_before_every_stored_offset()
    {
        Assert.True(TopicOffset.Start < new TopicOffset(0, 1));
    }
}
