using System.Text.Json;
using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicJsonTests
{
    private sealed record Subscribed(TopicPattern Pattern, TopicName Example);

    [Fact]
    public void Names_and_patterns_serialize_as_plain_strings()
    {
        var json = JsonSerializer.Serialize(new Subscribed(TopicPattern.Parse("model.#.#"), TopicName.Parse("model.convergence.detected")));

        Assert.Equal("""{"Pattern":"model.#","Example":"model.convergence.detected"}""", json);
    }

    [Fact]
    public void Names_and_patterns_read_back_equal()
    {
        var message = new Subscribed(TopicPattern.Parse("*.critical"), TopicName.Parse("alert.critical"));

        Assert.Equal(message, JsonSerializer.Deserialize<Subscribed>(JsonSerializer.Serialize(message)));
    }

    [Fact]
    public void Names_and_patterns_work_as_dictionary_keys()
    {
        var counts = new Dictionary<TopicName, int> { [TopicName.Parse("alert.critical")] = 3 };
        var patterns = new Dictionary<TopicPattern, int> { [TopicPattern.Parse("#.#")] = 1 };

        Assert.Equal(counts, JsonSerializer.Deserialize<Dictionary<TopicName, int>>(JsonSerializer.Serialize(counts)));
        Assert.Equal("""{"#":1}""", JsonSerializer.Serialize(patterns));
    }

    [Fact]
    public void An_invalid_name_in_JSON_fails_with_the_parse_message()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TopicName>("\"model..x\""));

        Assert.Contains("Topic name 'model..x' is invalid: empty word at position 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_pattern_in_JSON_fails_with_the_parse_message()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TopicPattern>("\"mod*el\""));

        Assert.Contains("Topic pattern 'mod*el' is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_that_is_not_a_JSON_string_is_rejected() =>
        Assert.Contains("must be a JSON string", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TopicName>("42")).Message, StringComparison.Ordinal);
}
