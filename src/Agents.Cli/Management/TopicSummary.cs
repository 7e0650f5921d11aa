namespace Agents.Cli.Management;

/// <summary>One topic in <c>GET /api/topics</c>.</summary>
/// <param name="Topic">The topic's name.</param>
/// <param name="Events">How many events it holds.</param>
/// <param name="LastPublishedAt">When the last one was published, as the node formats it; null when none was.</param>
internal sealed record TopicSummary(string Topic, long Events, string? LastPublishedAt);
