using System.Buffers;
using System.Text.Json;
using Agents.Persistence.Topics;

namespace Agents.Platform.Workflows;

/// <summary>
/// Builds the arguments of the command a rule sends: the rule's own arguments plus, under <c>trigger</c>, the event
/// that fired it (<c>rule</c>, <c>topic</c>, <c>deliveryId</c>, <c>offset</c>, <c>publisher</c>, <c>publishedAt</c>,
/// <c>payload</c>), so that an agent knows why it was told and can ignore a repeated delivery by its
/// <c>deliveryId</c>.
/// </summary>
internal static class WorkflowArguments
{
    /// <summary>The argument the triggering event is put under; rules may not use it themselves.</summary>
    public const string TriggerField = "trigger";

    public static JsonElement Build(WorkflowRule rule, TopicEnvelope envelope, JsonElement payload)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (rule.Arguments is { ValueKind: JsonValueKind.Object } arguments)
            {
                foreach (var property in arguments.EnumerateObject())
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteStartObject(TriggerField);
            writer.WriteString("rule", rule.Name);
            writer.WriteString("topic", envelope.Topic);
            writer.WriteNumber("deliveryId", envelope.DeliveryId);
            writer.WriteString("offset", envelope.Offset.ToString());
            writer.WriteString("publisher", envelope.Publisher);
            writer.WriteString("publishedAt", envelope.PublishedAt);
            writer.WritePropertyName("payload");
            payload.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The payload of an event as JSON: a <see cref="Persistence.Serialization.JsonPayload"/>'s document as it is,
    /// anything else serialized with the web defaults (camelCase), as the journal stores it.
    /// </summary>
    /// <exception cref="NotSupportedException">The payload cannot be serialized to JSON.</exception>
    public static JsonElement PayloadOf(object payload) => payload switch
    {
        Persistence.Serialization.JsonPayload json => json.Document,
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(payload, payload.GetType(), JsonSerializerOptions.Web),
    };
}
