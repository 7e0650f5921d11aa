using System.Text.Json;
using System.Text.Json.Serialization;
using Agents.Actors;
using Agents.Persistence.Serialization;

namespace Agents.Persistence.Delivery;

/// <summary>
/// Writes an <see cref="UnconfirmedDelivery"/> as
/// <c>{"deliveryId":1,"destination":"agents://sys/user/a","manifest":"m","version":1,"message":{...}}</c>: the
/// message goes through <paramref name="serializer"/>, so it is stored under its manifest and read back (upcast if
/// needed) as its own type rather than as untyped JSON.
/// </summary>
internal sealed class UnconfirmedDeliveryJsonConverter(IEventSerializer serializer) : JsonConverter<UnconfirmedDelivery>
{
    private const string DeliveryIdName = "deliveryId";
    private const string DestinationName = "destination";
    private const string ManifestName = "manifest";
    private const string VersionName = "version";
    private const string MessageName = "message";

    public override UnconfirmedDelivery Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"An unconfirmed delivery must be a JSON object, not {root.ValueKind}.");
        }

        var deliveryId = Required(root, DeliveryIdName).GetInt64();
        var path = Required(root, DestinationName).GetString();
        if (!ActorPath.TryParse(path, out var destination))
        {
            throw new JsonException($"The destination '{path}' of delivery {deliveryId} is not an absolute actor path.");
        }

        var manifest = Required(root, ManifestName).GetString()
            ?? throw new JsonException($"The manifest of delivery {deliveryId} is null.");
        var version = Required(root, VersionName).GetInt32();
        var json = JsonSerializer.SerializeToUtf8Bytes(Required(root, MessageName));
        object message;
        try
        {
            message = serializer.Deserialize(new SerializedPayload(manifest, version, json));
        }
        catch (EventSerializationException e)
        {
            throw new JsonException($"The message of delivery {deliveryId} cannot be read: {e.Message}", e);
        }

        return new UnconfirmedDelivery(deliveryId, destination, message);
    }

    public override void Write(Utf8JsonWriter writer, UnconfirmedDelivery value, JsonSerializerOptions options)
    {
        SerializedPayload payload;
        try
        {
            payload = serializer.Serialize(value.Message);
        }
        catch (EventSerializationException e)
        {
            throw new JsonException(
                $"The message of delivery {value.DeliveryId} to {value.Destination} cannot be stored: {e.Message}", e);
        }

        writer.WriteStartObject();
        writer.WriteNumber(DeliveryIdName, value.DeliveryId);
        writer.WriteString(DestinationName, value.Destination.ToString());
        writer.WriteString(ManifestName, payload.Manifest);
        writer.WriteNumber(VersionName, payload.Version);
        writer.WritePropertyName(MessageName);
        writer.WriteRawValue(payload.Json.Span, skipInputValidation: true);
        writer.WriteEndObject();
    }

    private static JsonElement Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value
            : throw new JsonException($"An unconfirmed delivery has no '{name}' property.");
}
