using Agents.Persistence.Serialization;

namespace Agents.Node.Topics;

/// <summary>
/// The node's serializer: the application's serializer (the registered <see cref="IEventSerializer"/>), plus
/// <see cref="JsonPayload"/> documents under the manifest <c>json</c>, which every node can store and read back
/// whatever serializer the application registers.
/// </summary>
/// <param name="application">The serializer of the application's events and snapshots.</param>
public sealed class NodeEventSerializer(IEventSerializer application) : IEventSerializer
{
    /// <inheritdoc />
    public SerializedPayload Serialize(object value) =>
        value is JsonPayload document ? document.ToSerialized() : application.Serialize(value);

    /// <inheritdoc />
    public object Deserialize(SerializedPayload payload) =>
        payload.Manifest == JsonPayload.Manifest ? JsonPayload.FromSerialized(payload) : application.Deserialize(payload);
}
