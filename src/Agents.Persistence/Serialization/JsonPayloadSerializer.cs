namespace Agents.Persistence.Serialization;

/// <summary>
/// A serializer that stores <see cref="JsonPayload"/> documents under the manifest <c>json</c> and everything
/// else with the application's serializer, so that events published as plain JSON (through the management API,
/// by another language) can be stored and read back whatever serializer the application registers.
/// </summary>
/// <param name="application">The serializer of the application's events and snapshots.</param>
public sealed class JsonPayloadSerializer(IEventSerializer application) : IEventSerializer
{
    /// <inheritdoc />
    public SerializedPayload Serialize(object value) =>
        value is JsonPayload document ? document.ToSerialized() : application.Serialize(value);

    /// <inheritdoc />
    public object Deserialize(SerializedPayload payload) =>
        payload.Manifest == JsonPayload.Manifest ? JsonPayload.FromSerialized(payload) : application.Deserialize(payload);
}
