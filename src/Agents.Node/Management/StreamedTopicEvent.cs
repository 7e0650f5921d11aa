using System.Text.Json;

namespace Agents.Node.Management;

/// <summary>One event of <c>GET /api/topics/stream</c>, sent as the <c>data</c> of a server-sent event.</summary>
/// <param name="Offset">Its offset in the topic log, <c>batch:sequence</c>.</param>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="PublishedAt">When the log stored it.</param>
/// <param name="Payload">The event as JSON.</param>
public sealed record StreamedTopicEvent(string Offset, string Topic, DateTimeOffset PublishedAt, JsonElement Payload);
