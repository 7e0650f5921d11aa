namespace Agents.Persistence.Serialization;

/// <summary>
/// Turns events and snapshots into their stored form (manifest, version, UTF-8 JSON) and back. Implementations
/// must be thread-safe.
/// </summary>
public interface IEventSerializer
{
    /// <summary>Serializes <paramref name="value"/>.</summary>
    /// <exception cref="EventSerializationException">The type has no manifest or the value cannot be serialized.</exception>
    SerializedPayload Serialize(object value);

    /// <summary>Reads back a stored payload, upcasting older versions first.</summary>
    /// <exception cref="EventSerializationException">The manifest is unknown or the JSON does not fit the type.</exception>
    object Deserialize(SerializedPayload payload);
}
