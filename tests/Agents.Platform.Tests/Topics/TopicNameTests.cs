using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicNameTests
{
    [Fact]
    public void Parse_keeps_the_text_and_counts_the_words()
    {
        var name = TopicName.Parse("model.convergence.detected");

        Assert.Equal("model.convergence.detected", name.Value);
        Assert.Equal(3, name.WordCount);
    }

    [Theory]
    [InlineData("alert")]
    [InlineData("training.epoch_complete")]
    [InlineData("agent-7.health.failure")]
    [InlineData("v2.A_b-C.09")]
    public void Letters_digits_underscores_and_hyphens_make_words(string text) => Assert.Equal(text, TopicName.Parse(text).ToString());

    [Fact]
    public void Names_are_case_sensitive() => Assert.NotEqual(TopicName.Parse("alert.critical"), TopicName.Parse("Alert.critical"));

    [Fact]
    public void Equal_texts_give_equal_names_with_equal_hash_codes()
    {
        var a = TopicName.Parse("alert.critical");
        var b = TopicName.Parse("alert.critical");

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void A_name_of_the_maximum_length_is_accepted() =>
        Assert.Equal(TopicName.MaxLength, TopicName.Parse(new string('a', TopicName.MaxLength)).Value.Length);

    [Fact]
    public void A_name_of_the_maximum_word_count_is_accepted() =>
        Assert.Equal(TopicName.MaxWords, TopicName.Parse(string.Join('.', Enumerable.Repeat("w", TopicName.MaxWords))).WordCount);

    [Theory]
    [InlineData("", 0, "it is empty")]
    [InlineData("model..x", 6, "empty word at position 6")]
    [InlineData(".model", 0, "empty word at position 0")]
    [InlineData("model.", 6, "empty word at position 6")]
    [InlineData("model convergence", 5, "character U+0020 at position 5 is not allowed")]
    [InlineData("modèle", 3, "character 'è' (U+00E8) at position 3 is not allowed")]
    [InlineData("alert/critical", 5, "character '/' (U+002F) at position 5")]
    [InlineData("model.*", 6, "wildcard '*' at position 6 is not allowed in a published topic name")]
    [InlineData("training.#", 9, "wildcard '#' at position 9 is not allowed in a published topic name")]
    public void An_invalid_name_is_rejected_with_its_position_and_rule(string text, int position, string rule)
    {
        var error = Assert.Throws<TopicFormatException>(() => TopicName.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Equal(text, error.Text);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Topic name '{text}' is invalid: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_names_the_text_the_position_and_the_rule() =>
        Assert.Equal(
            "Topic name 'model..x' is invalid: empty word at position 6; words are separated by single dots, and the first and last characters cannot be dots.",
            Assert.Throws<TopicFormatException>(() => TopicName.Parse("model..x")).Message);

    [Fact]
    public void A_name_longer_than_the_limit_is_rejected_and_shortened_in_the_message()
    {
        var error = Assert.Throws<TopicFormatException>(() => TopicName.Parse(new string('a', TopicName.MaxLength + 1)));

        Assert.Contains("it is 256 characters long; the limit is 255 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("...' (256 characters)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_too_many_words_is_rejected_at_the_first_extra_word()
    {
        var text = string.Join('.', Enumerable.Repeat("w", TopicName.MaxWords + 1));

        var error = Assert.Throws<TopicFormatException>(() => TopicName.Parse(text));

        Assert.Equal(2 * TopicName.MaxWords, error.Position);
        Assert.Contains("more than 32 words (word 33 starts at position 64)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_gives_the_same_message_as_Parse()
    {
        Assert.False(TopicName.TryParse("a..b", out var name, out var error));

        Assert.Null(name);
        Assert.Equal(Assert.Throws<TopicFormatException>(() => TopicName.Parse("a..b")).Message, error);
    }

    [Fact]
    public void TryParse_accepts_a_valid_name()
    {
        Assert.True(TopicName.TryParse("alert.critical", out var name));
        Assert.Equal("alert.critical", name.Value);
    }

    [Fact]
    public void TryParse_rejects_null()
    {
        Assert.False(TopicName.TryParse(null, out _));
        Assert.False(TopicName.TryParse(null, out _, out var error));
        Assert.Contains("null", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_null_as_an_argument_error() => Assert.Throws<ArgumentNullException>(() => TopicName.Parse(null!));
}
