using System.Text.Json;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;

namespace Agents.Platform.Agents.Recorder;

/// <summary>
/// A topic event as the recorder agent journaled it: where it came from and what it carried, readable with plain SQL
/// in the recorder's events (persistence id <c>agent-&lt;id&gt;</c>).
/// </summary>
/// <param name="SubscriptionId">The subscription it arrived through (the agent's id for its durable subscription).</param>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="DeliveryId">Its delivery id, unique per event in the topic log.</param>
/// <param name="Offset">Its position in the topic log.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="PublishedAt">When the topic log stored it.</param>
/// <param name="Manifest">The stored manifest of its payload (<c>json</c> for plain JSON).</param>
/// <param name="Payload">Its payload as JSON.</param>
[Manifest("agents.recorded-event")]
public sealed record RecordedEvent(
    string SubscriptionId, string Topic, long DeliveryId, TopicOffset Offset, string Publisher, DateTimeOffset PublishedAt,
    string Manifest, JsonElement Payload)
{
    /// <summary>
    /// The record of <paramref name="envelope"/>. A payload that cannot be written as JSON is recorded as an object
    /// with an <c>error</c> property saying why, so that one odd event neither stops the recorder nor is lost from view.
    /// </summary>
    /// <param name="subscriptionId">The subscription the event arrived through.</param>
    /// <param name="envelope">The event.</param>
    public static RecordedEvent From(string subscriptionId, TopicEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new RecordedEvent(
            subscriptionId, envelope.Topic, envelope.DeliveryId, envelope.Offset, envelope.Publisher, envelope.PublishedAt,
            envelope.Manifest, ToJson(envelope.Payload));
    }

    private static JsonElement ToJson(object payload)
    {
        if (payload is JsonPayload json)
        {
            return json.Document.Clone();
        }

        try
        {
            return JsonSerializer.SerializeToElement(payload, payload.GetType(), JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            var error = new Dictionary<string, string>
            {
                ["error"] = $"The payload ({payload.GetType().FullName}) cannot be written as JSON: {e.Message}",
            };
            return JsonSerializer.SerializeToElement(error, JsonSerializerOptions.Web);
        }
    }
}
