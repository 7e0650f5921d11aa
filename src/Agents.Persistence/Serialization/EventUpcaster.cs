using System.Text.Json.Nodes;

namespace Agents.Persistence.Serialization;

/// <summary>An <see cref="IEventUpcaster"/> made from a function.</summary>
public sealed class EventUpcaster : IEventUpcaster
{
    private readonly Func<JsonNode?, UpcastResult> _upcast;

    /// <summary>Upcasts (<paramref name="manifest"/>, <paramref name="version"/>) with <paramref name="upcast"/>.</summary>
    public EventUpcaster(string manifest, int version, Func<JsonNode?, UpcastResult> upcast)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifest);
        ArgumentNullException.ThrowIfNull(upcast);
        Manifest = manifest;
        Version = version;
        _upcast = upcast;
    }

    /// <inheritdoc />
    public string Manifest { get; }

    /// <inheritdoc />
    public int Version { get; }

    /// <summary>
    /// The common case: the same manifest moves from <paramref name="fromVersion"/> to the next version after
    /// <paramref name="transform"/> rewrote its JSON.
    /// </summary>
    public static EventUpcaster ToNextVersion(string manifest, int fromVersion, Func<JsonNode?, JsonNode?> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return new EventUpcaster(manifest, fromVersion, json => new UpcastResult(manifest, fromVersion + 1, transform(json)));
    }

    /// <inheritdoc />
    public UpcastResult Upcast(JsonNode? json) => _upcast(json);
}
