namespace Agents.Persistence.Topics;

/// <summary>An event read from a topic log.</summary>
/// <param name="Offset">Its position in the log; store it to resume after this event.</param>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Manifest">The stored manifest of its payload.</param>
/// <param name="Payload">The event, read back (and upcast) by the serializer.</param>
/// <param name="PublishedAt">When the log stored it (UTC, whole microseconds).</param>
/// <param name="Publisher">Who published it.</param>
public sealed record TopicEnvelope(
    TopicOffset Offset, string Topic, string Manifest, object Payload, DateTimeOffset PublishedAt, string Publisher)
{
    /// <summary>
    /// Unique per event across the log and stable across redeliveries: a handler that must not act twice on one event
    /// (deliveries are at-least-once) can remember it.
    /// </summary>
    public long DeliveryId => Offset.Sequence;
}
