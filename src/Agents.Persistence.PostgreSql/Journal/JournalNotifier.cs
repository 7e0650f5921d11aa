using System.Text;
using Agents.Persistence.Query;

namespace Agents.Persistence.PostgreSql.Journal;

/// <summary>
/// Says which live queries a committed batch concerns: at once to the queries of this process, and as the payload
/// of the NOTIFY that tells other processes (see <see cref="NotificationSender"/>).
/// </summary>
internal sealed class JournalNotifier(ChangeNotifier changes)
{
    /// <summary>The payload that wakes every live query, sent when the keys do not fit a NOTIFY.</summary>
    public const string Everything = "*";

    // PostgreSQL limits a NOTIFY payload to 8000 bytes.
    private const int MaxPayloadBytes = 7900;

    /// <summary>
    /// The change keys of the stored writes of <paramref name="requests"/> for other processes; only
    /// <see cref="Everything"/> once they would not fit a NOTIFY (a batch of a thousand entities), without building
    /// the rest.
    /// </summary>
    public static HashSet<string> Keys(IEnumerable<WriteRequest> requests)
    {
        if (MaxPayloadLength(requests) > MaxPayloadBytes)
        {
            // Counted without removing repeats, so a batch of many writes of few entities also says everything.
            return [Everything];
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            foreach (var (index, events) in request.Writes)
            {
                if (request.Results[index] is null)
                {
                    AddKeys(keys, events);
                }
            }
        }

        return keys;
    }

    /// <summary>The NOTIFY payload for <paramref name="keys"/>: one key per line, or <see cref="Everything"/>.</summary>
    public static string Payload(HashSet<string> keys)
    {
        if (keys.Contains(Everything))
        {
            return Everything;
        }

        var builder = new StringBuilder();
        foreach (var key in keys)
        {
            if (builder.Length + key.Length + 1 > MaxPayloadBytes)
            {
                return Everything;
            }

            builder.Append(key).Append('\n');
        }

        var payload = builder.ToString();
        return Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes ? Everything : payload;
    }

    /// <summary>Wakes the queries of any process that follow what a payload names.</summary>
    public static void Deliver(string payload, ChangeNotifier changes)
    {
        if (payload == Everything)
        {
            changes.NotifyAll();
            return;
        }

        foreach (var key in payload.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            changes.Notify(key);
        }
    }

    /// <summary>Wakes this process's queries that follow what the stored writes of <paramref name="requests"/> concern.</summary>
    public void NotifyLocal(IEnumerable<WriteRequest> requests)
    {
        foreach (var request in requests)
        {
            foreach (var (index, events) in request.Writes)
            {
                if (request.Results[index] is null)
                {
                    NotifyLocal(events);
                }
            }
        }
    }

    private void NotifyLocal(Persistence.Journal.StoredEvent[] events)
    {
        changes.NotifyPersistenceId(events[0].PersistenceId);
        foreach (var e in events)
        {
            if (e.SequenceNr == 1)
            {
                changes.Notify(ChangeNotifier.PersistenceIdsKey);
            }

            foreach (var tag in e.Tags)
            {
                changes.Notify(ChangeNotifier.TagKey(tag));
            }
        }
    }

    private static void AddKeys(HashSet<string> keys, Persistence.Journal.StoredEvent[] events)
    {
        keys.Add(ChangeNotifier.PersistenceIdKey(events[0].PersistenceId));
        foreach (var e in events)
        {
            if (e.SequenceNr == 1)
            {
                keys.Add(ChangeNotifier.PersistenceIdsKey);
            }

            foreach (var tag in e.Tags)
            {
                keys.Add(ChangeNotifier.TagKey(tag));
            }
        }
    }

    /// <summary>The length of the payload if no key repeated, without building a key.</summary>
    private static int MaxPayloadLength(IEnumerable<WriteRequest> requests)
    {
        var persistenceIdKey = ChangeNotifier.PersistenceIdKey(string.Empty).Length + 1;
        var tagKey = ChangeNotifier.TagKey(string.Empty).Length + 1;
        var length = 0;
        foreach (var request in requests)
        {
            foreach (var (index, events) in request.Writes)
            {
                if (request.Results[index] is not null)
                {
                    continue;
                }

                length += persistenceIdKey + events[0].PersistenceId.Length;
                foreach (var e in events)
                {
                    length += e.SequenceNr == 1 ? ChangeNotifier.PersistenceIdsKey.Length + 1 : 0;
                    foreach (var tag in e.Tags)
                    {
                        length += tagKey + tag.Length;
                    }
                }
            }
        }

        return length;
    }
}
