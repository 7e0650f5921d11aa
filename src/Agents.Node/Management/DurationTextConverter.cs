using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agents.Node.Management;

/// <summary>
/// Reads a duration field as text: a JSON string as it is, a JSON number as milliseconds (as HOCON reads a bare number,
/// so that a <c>.conf</c> definition turned into JSON keeps its meaning). <see cref="DurationText"/> then parses it.
/// </summary>
internal sealed class DurationTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.GetDecimal().ToString(CultureInfo.InvariantCulture) + "ms",
        JsonTokenType.Null => null,
        _ => throw new JsonException("a duration is a string such as \"10s\" or a number of milliseconds"),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
