namespace Agents.Persistence.Topics;

/// <summary>One event to publish on a topic.</summary>
/// <param name="Topic">The topic: dot-separated words such as <c>model.convergence.detected</c>. Must not be empty.</param>
/// <param name="Payload">The event; its type needs a registered manifest, since it is stored as JSON.</param>
/// <param name="Publisher">Who published it, e.g. the publishing agent's id; kept for audit. Must not be empty.</param>
public sealed record TopicRecord(string Topic, object Payload, string Publisher);
