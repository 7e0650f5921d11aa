using System.Text.Json;

namespace Agents.Persistence.Serialization;

/// <summary>
/// A JSON document (any object, array or value) published without a CLR type, through the management API or by an agent, stored as itself under the
/// manifest <see cref="Manifest"/>, so that operators can publish on a topic without a CLR type for the event.
/// </summary>
/// <param name="Document">The document; a clone that outlives the request it came with.</param>
public sealed record JsonPayload(JsonElement Document)
{
    /// <summary>The stored manifest of JSON documents.</summary>
    /// <value><c>json</c></value>
    public const string Manifest = "json";

    /// <summary>The schema version documents are stored with.</summary>
    /// <value>1</value>
    public const int Version = 1;

    /// <summary>The document in stored form: its UTF-8 JSON as sent.</summary>
    public SerializedPayload ToSerialized() => new(Manifest, Version, JsonSerializer.SerializeToUtf8Bytes(Document));

    /// <summary>Reads back a stored document.</summary>
    /// <exception cref="EventSerializationException">The stored payload is not JSON.</exception>
    public static JsonPayload FromSerialized(SerializedPayload payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.Json);
            return new JsonPayload(document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new EventSerializationException($"The stored '{Manifest}' payload is not valid JSON: {e.Message}", e);
        }
    }
}
