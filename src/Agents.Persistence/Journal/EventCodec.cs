using Agents.Persistence.Adapters;
using Agents.Persistence.Serialization;

namespace Agents.Persistence.Journal;

/// <summary>
/// The path between entities' objects and stored events that every store shares, so that all stores reject,
/// tag and fail on bad data the same way: write adapters, then the serializer on write; the serializer (with its
/// upcasters) on read, with failures named by entity, sequence number and manifest.
/// </summary>
public sealed class EventCodec
{
    private readonly IWriteEventAdapter[] _writeAdapters;

    /// <summary>Creates the codec.</summary>
    /// <param name="serializer">Serializes payloads and snapshots.</param>
    /// <param name="writeAdapters">Applied in order to every event before it is serialized.</param>
    public EventCodec(IEventSerializer serializer, IEnumerable<IWriteEventAdapter>? writeAdapters = null)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        Serializer = serializer;
        _writeAdapters = writeAdapters?.ToArray() ?? [];
    }

    /// <summary>The serializer used for payloads and snapshots.</summary>
    public IEventSerializer Serializer { get; }

    /// <summary>Serializes every event of <paramref name="write"/>, stamping them with <paramref name="timestamp"/>.</summary>
    /// <exception cref="WriteRejectedException">An event cannot be adapted or serialized, or carries an empty tag.</exception>
    public StoredEvent[] Encode(AtomicWrite write, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(write);
        var stored = new StoredEvent[write.Events.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            var e = write.Events[i];
            try
            {
                var (payload, tags) = Adapt(e);
                var serialized = Serializer.Serialize(payload);
                if (ContainsNullCharacter(serialized.Json.Span))
                {
                    throw new EventSerializationException(
                        $"Event {e.SequenceNr} of '{e.PersistenceId}' contains the character U+0000, which JSON " +
                        "stores cannot keep (PostgreSQL's jsonb refuses it). Remove it from the event.");
                }

                stored[i] = new StoredEvent(e.PersistenceId, e.SequenceNr, serialized, tags, e.WriterId, timestamp);
            }
            catch (Exception ex) when (ex is EventSerializationException or ArgumentException)
            {
                throw new WriteRejectedException(write.PersistenceId, write.LowestSequenceNr, ex);
            }
        }

        return stored;
    }

    /// <summary>Reads back a stored event.</summary>
    /// <exception cref="EventDeserializationException">The payload cannot be read back.</exception>
    public PersistentRepresentation Decode(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new PersistentRepresentation(
            stored.PersistenceId, stored.SequenceNr, DecodePayload(stored.PersistenceId, stored.SequenceNr, stored.Payload))
        {
            Manifest = stored.Payload.Manifest,
            WriterId = stored.WriterId,
            Tags = stored.Tags,
            Timestamp = stored.Timestamp,
        };
    }

    /// <summary>Reads back the payload of event or snapshot <paramref name="sequenceNr"/> of <paramref name="persistenceId"/>.</summary>
    /// <exception cref="EventDeserializationException">The payload cannot be read back.</exception>
    public object DecodePayload(string persistenceId, long sequenceNr, SerializedPayload payload)
    {
        try
        {
            return Serializer.Deserialize(payload);
        }
        catch (EventSerializationException e)
        {
            throw new EventDeserializationException(persistenceId, sequenceNr, payload.Manifest, payload.Version, e);
        }
    }

    /// <summary>Whether the JSON holds the escape <c>\u0000</c> (and not merely an escaped backslash before "u0000").</summary>
    internal static bool ContainsNullCharacter(ReadOnlySpan<byte> json)
    {
        ReadOnlySpan<byte> escape = "\\u0000"u8;
        for (var at = json.IndexOf(escape); at >= 0; at = NextIndex(json, escape, at))
        {
            var backslashes = 1;
            while (at - backslashes >= 0 && json[at - backslashes] == (byte)'\\')
            {
                backslashes++;
            }

            if (backslashes % 2 == 1)
            {
                return true;
            }
        }

        return false;
    }

    private static int NextIndex(ReadOnlySpan<byte> json, ReadOnlySpan<byte> value, int previous)
    {
        var next = json[(previous + 1)..].IndexOf(value);
        return next < 0 ? -1 : previous + 1 + next;
    }

    private (object Payload, IReadOnlyList<string> Tags) Adapt(PersistentRepresentation e)
    {
        var payload = e.Payload;
        List<string>? extraTags = null;
        foreach (var adapter in _writeAdapters)
        {
            var adapted = adapter.ToJournal(payload);
            if (adapted is Tagged tagged)
            {
                (extraTags ??= []).AddRange(tagged.Tags);
                adapted = tagged.Payload;
            }

            payload = adapted;
        }

        if (payload is Tagged own)
        {
            (extraTags ??= []).AddRange(own.Tags);
            payload = own.Payload;
        }

        if (extraTags is null && e.Tags.Count == 0)
        {
            return (payload, []);
        }

        var tags = e.Tags.Concat(extraTags ?? []).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var tag in tags)
        {
            if (string.IsNullOrWhiteSpace(tag))
            {
                throw new ArgumentException(
                    $"Event {e.SequenceNr} of '{e.PersistenceId}' carries an empty tag; tags must be non-empty words.");
            }
        }

        return (payload, tags);
    }
}
