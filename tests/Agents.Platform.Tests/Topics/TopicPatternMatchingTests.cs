using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicPatternMatchingTests
{
    private static bool Matches(string pattern, string topic) => TopicPattern.Parse(pattern).Matches(TopicName.Parse(topic));

    // The bindings and messages of RabbitMQ tutorial 5 ("Topics"), with the outcomes it lists.
    [Theory]
    [InlineData("*.orange.*", "quick.orange.rabbit", true)]
    [InlineData("*.*.rabbit", "quick.orange.rabbit", true)]
    [InlineData("lazy.#", "quick.orange.rabbit", false)]
    [InlineData("*.orange.*", "lazy.orange.elephant", true)]
    [InlineData("*.*.rabbit", "lazy.orange.elephant", false)]
    [InlineData("lazy.#", "lazy.orange.elephant", true)]
    [InlineData("*.orange.*", "quick.orange.fox", true)]
    [InlineData("*.*.rabbit", "quick.orange.fox", false)]
    [InlineData("lazy.#", "quick.orange.fox", false)]
    [InlineData("*.orange.*", "lazy.brown.fox", false)]
    [InlineData("*.*.rabbit", "lazy.brown.fox", false)]
    [InlineData("lazy.#", "lazy.brown.fox", true)]
    [InlineData("*.orange.*", "lazy.pink.rabbit", false)]
    [InlineData("*.*.rabbit", "lazy.pink.rabbit", true)]
    [InlineData("lazy.#", "lazy.pink.rabbit", true)]
    [InlineData("*.orange.*", "quick.brown.fox", false)]
    [InlineData("*.*.rabbit", "quick.brown.fox", false)]
    [InlineData("lazy.#", "quick.brown.fox", false)]
    [InlineData("*.orange.*", "orange", false)]
    [InlineData("*.*.rabbit", "orange", false)]
    [InlineData("lazy.#", "orange", false)]
    [InlineData("*.orange.*", "quick.orange.new.rabbit", false)]
    [InlineData("*.*.rabbit", "quick.orange.new.rabbit", false)]
    [InlineData("lazy.#", "quick.orange.new.rabbit", false)]
    [InlineData("*.orange.*", "lazy.orange.new.rabbit", false)]
    [InlineData("*.*.rabbit", "lazy.orange.new.rabbit", false)]
    [InlineData("lazy.#", "lazy.orange.new.rabbit", true)]
    public void The_RabbitMQ_topic_tutorial_examples_match_as_documented(string pattern, string topic, bool expected) =>
        Assert.Equal(expected, Matches(pattern, topic));

    [Fact]
    public void A_hash_matches_zero_words() => Assert.True(Matches("training.#", "training"));

    [Theory]
    [InlineData("training")]
    [InlineData("a")]
    [InlineData("model.convergence.detected")]
    public void A_lone_hash_matches_every_topic(string topic) => Assert.True(Matches("#", topic));

    [Theory]
    [InlineData("a.z", true)]
    [InlineData("a.b.z", true)]
    [InlineData("a.b.c.d.z", true)]
    [InlineData("a.z.z", true)]
    [InlineData("a.b", false)]
    [InlineData("z", false)]
    [InlineData("b.a.z", false)]
    public void A_hash_between_words_matches_any_run_of_words(string topic, bool expected) => Assert.Equal(expected, Matches("a.#.z", topic));

    [Theory]
    [InlineData("alert.critical", true)]
    [InlineData("model.critical", true)]
    [InlineData("critical", false)]
    [InlineData("a.b.critical", false)]
    [InlineData("alert.critical.x", false)]
    public void A_star_matches_exactly_one_word(string topic, bool expected) => Assert.Equal(expected, Matches("*.critical", topic));

    [Theory]
    [InlineData("a", true)]
    [InlineData("a.b.c", true)]
    public void Star_then_hash_matches_one_or_more_words(string topic, bool expected) => Assert.Equal(expected, Matches("*.#", topic));

    [Fact]
    public void Matching_is_case_sensitive() => Assert.False(Matches("Alert.*", "alert.critical"));

    [Fact]
    public void A_literal_pattern_matches_only_its_own_name()
    {
        Assert.True(Matches("alert.critical", "alert.critical"));
        Assert.False(Matches("alert.critical", "alert.critical.now"));
        Assert.False(Matches("alert.critical", "alert"));
    }

    [Fact]
    public void A_word_prefix_is_not_a_match() => Assert.False(Matches("model.conv", "model.convergence"));

    [Fact]
    public void Many_hashes_against_a_long_topic_that_does_not_match_finish_with_the_right_answer()
    {
        var pattern = string.Join('.', Enumerable.Repeat("#.a", 15)) + ".#.x";
        var topic = string.Join('.', Enumerable.Repeat("a", TopicName.MaxWords));

        Assert.False(Matches(pattern, topic));
        Assert.True(Matches(pattern, topic[..^1] + "x"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Matches_agrees_with_the_reference_rules_on_random_patterns_and_topics(int seed)
    {
        var random = new RandomTopics(seed);
        for (var i = 0; i < 5000; i++)
        {
            var pattern = random.Pattern();
            var topic = random.Topic();
            Assert.True(
                ReferenceMatcher.Matches(pattern, topic) == Matches(pattern, topic),
                $"'{pattern}' against '{topic}': reference says {ReferenceMatcher.Matches(pattern, topic)}");
        }
    }

    [Fact]
    public void Matching_does_not_allocate()
    {
        var pattern = TopicPattern.Parse("model.#.*.detected");
        var topic = TopicName.Parse("model.convergence.loss.detected");
        pattern.Matches(topic);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matched = 0;
        for (var i = 0; i < 1000; i++)
        {
            matched += pattern.Matches(topic) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, matched);
    }
}
