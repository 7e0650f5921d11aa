using System.Text.Json.Nodes;

namespace Agents.Persistence.Serialization;

/// <summary>What an <see cref="IEventUpcaster"/> turned an older payload into.</summary>
/// <param name="Manifest">The manifest after upcasting (the same one, or a new name).</param>
/// <param name="Version">The version after upcasting; must differ from the input's.</param>
/// <param name="Json">The rewritten JSON.</param>
public sealed record UpcastResult(string Manifest, int Version, JsonNode? Json);
