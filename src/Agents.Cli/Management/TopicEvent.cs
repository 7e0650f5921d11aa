using System.Text.Json;

namespace Agents.Cli.Management;

/// <summary>One event of <c>GET /api/topics/stream</c> (the JSON of one server-sent event's data).</summary>
/// <param name="Offset">Its offset, as the node writes offsets (string or number).</param>
/// <param name="Topic">The topic it was published to.</param>
/// <param name="PublishedAt">When, as the node formats it.</param>
/// <param name="Payload">The event's JSON.</param>
/// <param name="Json">The data as the node sent it, for <c>--json</c>; put on one line when it spanned several.</param>
internal sealed record TopicEvent(JsonElement Offset, string Topic, string? PublishedAt, JsonElement Payload, string Json);
