using System.Text.Json;
using Agents.Persistence.Serialization;

namespace Agents.Library.Health;

/// <summary>Topic payloads as JSON: what the health agents read (any payload) and publish (<see cref="JsonPayload"/>, camelCase).</summary>
internal static class TopicPayloads
{
    /// <summary>The payload as a JSON document, whether it arrived as JSON or as a record.</summary>
    public static JsonElement ToJson(object payload) => payload is JsonPayload json
        ? json.Document
        : JsonSerializer.SerializeToElement(payload, payload.GetType(), JsonSerializerOptions.Web);

    /// <summary><paramref name="value"/> written as a JSON payload with camelCase fields.</summary>
    public static JsonPayload FromRecord<T>(T value) => new(JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web));
}
