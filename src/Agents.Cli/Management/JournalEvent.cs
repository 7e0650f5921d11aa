using System.Text.Json;

namespace Agents.Cli.Management;

/// <summary>One event in <c>GET /api/journal/{persistenceId}</c>.</summary>
/// <param name="SequenceNr">Its sequence number within the persistent actor.</param>
/// <param name="Manifest">The type manifest it was stored under.</param>
/// <param name="Timestamp">When it was written, as the node formats it.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="Payload">The event's JSON.</param>
internal sealed record JournalEvent(long SequenceNr, string? Manifest, string? Timestamp, IReadOnlyList<string>? Tags, JsonElement Payload);
