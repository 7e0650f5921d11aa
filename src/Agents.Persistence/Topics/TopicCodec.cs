using Agents.Persistence.Journal;
using Agents.Persistence.Serialization;

namespace Agents.Persistence.Topics;

/// <summary>
/// The path between published objects and stored topic events that every topic log shares, so that all of them
/// reject bad records and fail on unreadable rows the same way.
/// </summary>
public sealed class TopicCodec
{
    /// <summary>Creates the codec over <paramref name="serializer"/>, the one the journal uses.</summary>
    public TopicCodec(IEventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        Serializer = serializer;
    }

    /// <summary>The serializer of payloads.</summary>
    public IEventSerializer Serializer { get; }

    /// <summary>Checks and serializes every record; all of them or none, so an append stays atomic.</summary>
    /// <exception cref="ArgumentException">A record is null, has no payload, or has an empty topic or publisher.</exception>
    /// <exception cref="EventSerializationException">A payload cannot be serialized or holds U+0000.</exception>
    public StoredTopicEvent[] Encode(IReadOnlyList<TopicRecord> records, DateTimeOffset publishedAt)
    {
        ArgumentNullException.ThrowIfNull(records);
        var stored = new StoredTopicEvent[records.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            var record = records[i] ?? throw new ArgumentException($"Record {i} of the append is null.", nameof(records));
            if (string.IsNullOrWhiteSpace(record.Topic))
            {
                throw new ArgumentException(
                    $"Record {i} of the append has an empty topic; publish on a topic such as 'model.convergence.detected'. Nothing was stored.",
                    nameof(records));
            }

            if (string.IsNullOrWhiteSpace(record.Publisher))
            {
                throw new ArgumentException(
                    $"Record {i} of the append (topic '{record.Topic}') has an empty publisher; name who publishes it, e.g. the agent id. Nothing was stored.",
                    nameof(records));
            }

            if (record.Payload is null)
            {
                throw new ArgumentException(
                    $"Record {i} of the append (topic '{record.Topic}') has no payload; publish an event object. Nothing was stored.",
                    nameof(records));
            }

            SerializedPayload payload;
            try
            {
                payload = Serializer.Serialize(record.Payload);
            }
            catch (EventSerializationException e)
            {
                throw new EventSerializationException(
                    $"Record {i} of the append (topic '{record.Topic}') cannot be stored: {e.Message} Nothing was stored.", e);
            }

            if (EventCodec.ContainsNullCharacter(payload.Json.Span))
            {
                throw new EventSerializationException(
                    $"Record {i} of the append (topic '{record.Topic}', manifest '{payload.Manifest}') contains the character " +
                    "U+0000, which JSON stores cannot keep (PostgreSQL's jsonb refuses it). Remove it. Nothing was stored.");
            }

            stored[i] = new StoredTopicEvent(record.Topic, payload, record.Publisher, InMemory.StoreTime.ToStored(publishedAt));
        }

        return stored;
    }

    /// <summary>Reads back the stored event at <paramref name="offset"/>.</summary>
    /// <exception cref="TopicPayloadException">The payload cannot be read back.</exception>
    public TopicEnvelope Decode(TopicOffset offset, StoredTopicEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        object payload;
        try
        {
            payload = Serializer.Deserialize(stored.Payload);
        }
        catch (EventSerializationException e)
        {
            throw new TopicPayloadException(offset, stored.Topic, stored.Payload.Manifest, stored.Payload.Version, e);
        }

        return new TopicEnvelope(offset, stored.Topic, stored.Payload.Manifest, payload, stored.PublishedAt, stored.Publisher);
    }
}
