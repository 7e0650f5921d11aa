using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agents.Platform.Topics;

/// <summary>
/// Writes a <see cref="TopicName"/> as its text (as a value and as a dictionary key) and reads it
/// back with the same validation as <see cref="TopicName.Parse"/>, so messages and events carry
/// topics as plain JSON strings.
/// </summary>
public sealed class TopicNameJsonConverter : JsonConverter<TopicName>
{
    /// <inheritdoc/>
    public override TopicName Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Parse(reader.GetString()!)
            : throw new JsonException($"A topic name must be a JSON string such as \"model.convergence.detected\", not {reader.TokenType}.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TopicName value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc/>
    public override TopicName ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString()!);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TopicName value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WritePropertyName(value.Value);
    }

    private static TopicName Parse(string text) =>
        TopicName.TryParse(text, out var name, out var error) ? name : throw new JsonException(error);
}
