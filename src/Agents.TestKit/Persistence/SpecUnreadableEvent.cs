using System.Text.Json;
using System.Text.Json.Serialization;
using Agents.Persistence.Serialization;

namespace Agents.TestKit.Persistence;

/// <summary>
/// An event that serializes but can never be read back, standing in for a corrupted row: replaying it must fail
/// that entity only, with an error naming it.
/// </summary>
/// <param name="Value">Any value.</param>
[Manifest("agents.testkit.spec-unreadable-event")]
[JsonConverter(typeof(SpecUnreadableEventConverter))]
public sealed record SpecUnreadableEvent(string Value);

/// <summary>Writes <see cref="SpecUnreadableEvent"/> normally and refuses to read it.</summary>
public sealed class SpecUnreadableEventConverter : JsonConverter<SpecUnreadableEvent>
{
    /// <inheritdoc />
    public override SpecUnreadableEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("SpecUnreadableEvent payloads are unreadable by design.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SpecUnreadableEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("value", value.Value);
        writer.WriteEndObject();
    }
}
