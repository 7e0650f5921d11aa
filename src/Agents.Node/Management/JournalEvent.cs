using System.Text.Json;

namespace Agents.Node.Management;

/// <summary>One stored event of an entity, as <c>GET /api/journal/{persistenceId}</c> shows it.</summary>
/// <param name="SequenceNr">Its sequence number within the entity.</param>
/// <param name="Manifest">The stored manifest of its type.</param>
/// <param name="Timestamp">When it was stored.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="Writer">The id of the journal writer that stored it.</param>
/// <param name="Payload">The stored JSON, as stored: shown even when this node does not know the manifest.</param>
public sealed record JournalEvent(long SequenceNr, string Manifest, DateTimeOffset Timestamp, IReadOnlyList<string> Tags, string Writer, JsonElement Payload);
