using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicPatternParsingTests
{
    [Theory]
    [InlineData("model.convergence.*")]
    [InlineData("training.#")]
    [InlineData("#")]
    [InlineData("*")]
    [InlineData("*.critical")]
    [InlineData("a.#.z")]
    [InlineData("a.*.#.b")]
    public void A_canonical_pattern_keeps_its_text(string text) => Assert.Equal(text, TopicPattern.Parse(text).ToString());

    [Theory]
    [InlineData("#.#", "#")]
    [InlineData("#.#.#.#", "#")]
    [InlineData("a.#.#.z", "a.#.z")]
    [InlineData("#.*", "*.#")]
    [InlineData("#.*.#.*", "*.*.#")]
    [InlineData("a.#.*.b.#.#", "a.*.#.b.#")]
    public void Adjacent_wildcards_are_canonical_with_stars_first_and_one_hash(string text, string canonical) =>
        Assert.Equal(canonical, TopicPattern.Parse(text).ToString());

    [Fact]
    public void Spellings_with_the_same_canonical_form_are_equal()
    {
        var a = TopicPattern.Parse("x.#.*");
        var b = TopicPattern.Parse("x.*.#.#");

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("#.#.*")]
    [InlineData("model.convergence.*")]
    [InlineData("a.#.*.b")]
    public void The_text_parses_back_to_an_equal_pattern(string text)
    {
        var pattern = TopicPattern.Parse(text);

        Assert.Equal(pattern, TopicPattern.Parse(pattern.ToString()));
    }

    [Fact]
    public void Different_patterns_are_not_equal() => Assert.NotEqual(TopicPattern.Parse("a.*"), TopicPattern.Parse("a.#"));

    [Theory]
    [InlineData("alert.critical", true)]
    [InlineData("alert", true)]
    [InlineData("alert.*", false)]
    [InlineData("#", false)]
    [InlineData("a.#.b", false)]
    public void A_pattern_without_wildcards_is_literal(string text, bool literal) => Assert.Equal(literal, TopicPattern.Parse(text).IsLiteral);

    [Theory]
    [InlineData("mod*el", 3)]
    [InlineData("model.#x", 6)]
    [InlineData("*x", 0)]
    [InlineData("x#", 1)]
    [InlineData("**", 0)]
    [InlineData("a.*#.b", 2)]
    public void A_wildcard_inside_a_word_is_rejected_at_its_position(string text, int position)
    {
        var error = Assert.Throws<TopicFormatException>(() => TopicPattern.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains($"at position {position} is part of a longer word; '*' and '#' must stand alone between dots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_quotes_the_pattern() =>
        Assert.StartsWith(
            "Topic pattern 'mod*el' is invalid: wildcard '*' at position 3",
            Assert.Throws<TopicFormatException>(() => TopicPattern.Parse("mod*el")).Message,
            StringComparison.Ordinal);

    [Theory]
    [InlineData("", 0, "it is empty")]
    [InlineData("a..*", 2, "empty word at position 2")]
    [InlineData("#.", 2, "empty word at position 2")]
    [InlineData("a.b c", 3, "character U+0020 at position 3")]
    [InlineData("a.?", 2, "character '?' (U+003F) at position 2")]
    public void An_invalid_pattern_is_rejected_with_its_position_and_rule(string text, int position, string rule)
    {
        var error = Assert.Throws<TopicFormatException>(() => TopicPattern.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_word_limit_counts_the_pattern_as_written()
    {
        var text = string.Join('.', Enumerable.Repeat("#", TopicName.MaxWords + 1));

        var error = Assert.Throws<TopicFormatException>(() => TopicPattern.Parse(text));

        Assert.Contains("more than 32 words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_gives_the_same_message_as_Parse()
    {
        Assert.False(TopicPattern.TryParse("a.b*", out var pattern, out var error));

        Assert.Null(pattern);
        Assert.Equal(Assert.Throws<TopicFormatException>(() => TopicPattern.Parse("a.b*")).Message, error);
    }

    [Fact]
    public void TryParse_accepts_a_valid_pattern()
    {
        Assert.True(TopicPattern.TryParse("#.#", out var pattern));
        Assert.Equal("#", pattern.ToString());
    }

    [Fact]
    public void TryParse_rejects_null()
    {
        Assert.False(TopicPattern.TryParse(null, out _));
        Assert.False(TopicPattern.TryParse(null, out _, out var error));
        Assert.Contains("null", error, StringComparison.Ordinal);
    }
}
