using Agents.Persistence.Serialization;

namespace Agents.Persistence.Topics;

/// <summary>A topic event in stored form, as an append hands it to a store.</summary>
/// <param name="Topic">Its topic.</param>
/// <param name="Payload">Its serialized payload.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="PublishedAt">When it was appended (UTC, whole microseconds).</param>
public sealed record StoredTopicEvent(string Topic, SerializedPayload Payload, string Publisher, DateTimeOffset PublishedAt);
