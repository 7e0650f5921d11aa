using Agents.Node.Management;
using Agents.Platform.Topics;

namespace Agents.Node.Tests;

public sealed class TopicEventStreamFilterTests
{
    [Theory]
    [InlineData("training.#", "training")]
    [InlineData("training.#", "training.epoch.complete")]
    [InlineData("model.*.detected", "model.convergence.detected")]
    [InlineData("#", "anything.at.all")]
    public void The_filter_accepts_a_topic_the_pattern_matches(string pattern, string topic)
    {
        Assert.True(TopicEventStream.Filter(TopicPattern.Parse(pattern)).Accepts(topic));
    }

    [Theory]
    [InlineData("training.#", "trainingx.epoch")]
    [InlineData("model.*.detected", "model.convergence.started")]
    [InlineData("model.*", "other.model.x")]
    public void The_filter_refuses_a_topic_the_pattern_does_not_match(string pattern, string topic)
    {
        Assert.False(TopicEventStream.Filter(TopicPattern.Parse(pattern)).Accepts(topic));
    }

    [Fact]
    public void The_literal_words_before_the_first_wildcard_are_the_store_prefix()
    {
        Assert.Equal(["model.convergence"], TopicEventStream.Filter(TopicPattern.Parse("model.convergence.*.x")).Prefixes);
    }

    [Fact]
    public void A_pattern_that_starts_with_a_wildcard_has_no_prefix()
    {
        Assert.Null(TopicEventStream.Filter(TopicPattern.Parse("*.detected")).Prefixes);
    }
}
