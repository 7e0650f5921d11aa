namespace Agents.Node.Management;

/// <summary>The answer to <c>POST /api/topics/{topic}/events</c>: where the event was stored.</summary>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Offset">Its offset in the topic log, <c>batch:sequence</c>.</param>
public sealed record TopicPublication(string Topic, string Offset);
