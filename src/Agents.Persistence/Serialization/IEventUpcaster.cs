using System.Text.Json.Nodes;

namespace Agents.Persistence.Serialization;

/// <summary>
/// Rewrites the JSON of one older (manifest, version) into a newer shape on read, the read side of Akka.NET's
/// event adapters. Upcasters chain: the serializer applies them until no upcaster matches, then deserializes into
/// the type registered for the resulting manifest. Stored rows are never changed.
/// </summary>
public interface IEventUpcaster
{
    /// <summary>The stored manifest this upcaster reads.</summary>
    string Manifest { get; }

    /// <summary>The stored version this upcaster reads.</summary>
    int Version { get; }

    /// <summary>Rewrites <paramref name="json"/>; the node may be modified in place and returned.</summary>
    UpcastResult Upcast(JsonNode? json);
}
