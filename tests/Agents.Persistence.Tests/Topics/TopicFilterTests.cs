using Agents.Persistence.Topics;

namespace Agents.Persistence.Tests.Topics;

public sealed class TopicFilterTests
{
    [Fact]
    public void Filter_needs_both_a_prefix_and_the_predicate()
    {
        var filter = new TopicFilter(topic => topic.EndsWith(".done", StringComparison.Ordinal), ["training."]);

        Assert.True(filter.Accepts("training.done"));
        Assert.False(filter.Accepts("training.started"));
        Assert.False(filter.Accepts("deploy.done"));
    }

    [Fact]
    public void Filter_without_prefixes_or_predicate_accepts_every_topic()
    {
        Assert.True(TopicFilter.All.Accepts("any.topic"));
    }
}
