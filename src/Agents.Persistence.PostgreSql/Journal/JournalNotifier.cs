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

    /// <summary>The change keys of the stored writes of <paramref name="requests"/>.</summary>
    public static HashSet<string> Keys(IEnumerable<WriteRequest> requests)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            foreach (var (index, events) in request.Writes)
            {
                if (request.Results[index] is not null)
                {
                    continue;
                }

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
        }

        return keys;
    }

    /// <summary>The NOTIFY payload for <paramref name="keys"/>: one key per line, or <see cref="Everything"/>.</summary>
    public static string Payload(HashSet<string> keys)
    {
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

    /// <summary>Wakes this process's queries that follow <paramref name="keys"/>.</summary>
    public void NotifyLocal(HashSet<string> keys)
    {
        foreach (var key in keys)
        {
            changes.Notify(key);
        }
    }
}
