namespace Agents.Node.Management;

/// <summary>A topic that has events in the topic log, as <c>GET /api/topics</c> lists it.</summary>
/// <param name="Topic">The topic name.</param>
/// <param name="Events">How many events it holds.</param>
/// <param name="LastPublishedAt">When its newest event was stored.</param>
public sealed record TopicSummary(string Topic, long Events, DateTimeOffset LastPublishedAt);
