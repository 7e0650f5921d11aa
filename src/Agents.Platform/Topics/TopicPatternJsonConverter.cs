using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agents.Platform.Topics;

/// <summary>
/// Writes a <see cref="TopicPattern"/> as its canonical text (as a value and as a dictionary key)
/// and reads it back with the same validation as <see cref="TopicPattern.Parse"/>.
/// </summary>
public sealed class TopicPatternJsonConverter : JsonConverter<TopicPattern>
{
    /// <inheritdoc/>
    public override TopicPattern Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Parse(reader.GetString()!)
            : throw new JsonException($"A topic pattern must be a JSON string such as \"model.convergence.*\", not {reader.TokenType}.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TopicPattern value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }

    /// <inheritdoc/>
    public override TopicPattern ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString()!);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TopicPattern value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WritePropertyName(value.ToString());
    }

    private static TopicPattern Parse(string text) =>
        TopicPattern.TryParse(text, out var pattern, out var error) ? pattern : throw new JsonException(error);
}
