using System.Text.Json;

namespace Agents.Cli.Management;

/// <summary>The 202 body of <c>POST /api/topics/{topic}/events</c>.</summary>
/// <param name="Topic">The topic the event went to.</param>
/// <param name="Offset">Where it was stored, as the node writes offsets (string or number).</param>
internal sealed record PublishReceipt(string Topic, JsonElement Offset);
