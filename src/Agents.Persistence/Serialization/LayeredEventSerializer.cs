namespace Agents.Persistence.Serialization;

/// <summary>
/// A serializer for a library's own events beside the application's: the types and manifests that
/// <paramref name="library"/> registers are written and read by it, everything else by <paramref name="application"/>.
/// So a host (the node) can journal its platform's events whatever serializer the application registers, and the
/// application need not know the platform's types.
/// </summary>
/// <param name="library">The library's serializer; its registry decides what it handles.</param>
/// <param name="application">The serializer of everything else.</param>
public sealed class LayeredEventSerializer(JsonEventSerializer library, IEventSerializer application) : IEventSerializer
{
    /// <inheritdoc />
    public SerializedPayload Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return library.Registry.TryGetByType(value.GetType(), out _) ? library.Serialize(value) : application.Serialize(value);
    }

    /// <inheritdoc />
    public object Deserialize(SerializedPayload payload) =>
        library.Registry.TryGetByManifest(payload.Manifest, out _) ? library.Deserialize(payload) : application.Deserialize(payload);
}
