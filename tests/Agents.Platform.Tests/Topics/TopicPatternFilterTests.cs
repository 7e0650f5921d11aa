using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicPatternFilterTests
{
    [Theory]
    [InlineData("model.convergence.*", "model.convergence.")]
    [InlineData("training.#", "training")]
    [InlineData("alert.critical", "alert.critical")]
    [InlineData("a.*.c", "a.")]
    [InlineData("#", null)]
    [InlineData("*.complete", null)]
    public void The_prefix_is_the_literal_words_before_the_first_wildcard(string pattern, string? prefix)
    {
        Assert.Equal(prefix, TopicPatternFilter.LiteralPrefix(TopicPattern.Parse(pattern)));
    }

    [Theory]
    [InlineData("model.convergence.detected", true)]
    [InlineData("training", true)]
    [InlineData("training.epoch.complete", true)]
    [InlineData("model.convergence", false)]
    [InlineData("trainingx", false)]
    [InlineData("alert.critical", false)]
    [InlineData("not a topic", false)]
    public void The_filter_accepts_exactly_the_topics_a_pattern_matches(string topic, bool accepted)
    {
        var filter = TopicPatternFilter.Create([TopicPattern.Parse("model.convergence.*"), TopicPattern.Parse("training.#")]);

        Assert.Equal(accepted, filter.Accepts(topic));
    }

    [Fact]
    public void A_pattern_starting_with_a_wildcard_reads_every_prefix()
    {
        var filter = TopicPatternFilter.Create([TopicPattern.Parse("model.*"), TopicPattern.Parse("*.complete")]);

        Assert.Null(filter.Prefixes);
        Assert.True(filter.Accepts("training.complete"));
    }
}
