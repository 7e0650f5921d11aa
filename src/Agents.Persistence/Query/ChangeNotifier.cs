using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Agents.Persistence.Query;

/// <summary>
/// In-process fan-out that wakes live queries when a store has stored events that may concern them, so they read
/// at once instead of at their next poll. A notification is only a hint to read again: a woken query reads the
/// store and may find nothing new. Subscriptions are keyed by what a query follows: a tag, a persistence id, or
/// the set of persistence ids.
/// </summary>
public sealed class ChangeNotifier
{
    /// <summary>The key of the query that follows the set of persistence ids.</summary>
    public const string PersistenceIdsKey = "ids";

    private const string PersistenceIdPrefix = "pid:";

    private readonly ConcurrentDictionary<string, ImmutableArray<ChangeSubscription>> _byKey = new(StringComparer.Ordinal);

    // Subscriptions that follow one persistence id: while there are none, a store's writes need not build their keys.
    private int _persistenceIdSubscriptions;

    /// <summary>The key of queries that follow <paramref name="tag"/>.</summary>
    public static string TagKey(string tag) => "tag:" + tag;

    /// <summary>The key of queries that follow <paramref name="persistenceId"/>.</summary>
    public static string PersistenceIdKey(string persistenceId) => PersistenceIdPrefix + persistenceId;

    /// <summary>Starts following <paramref name="key"/>; dispose the subscription to stop.</summary>
    public ChangeSubscription Subscribe(string key)
    {
        var subscription = new ChangeSubscription(this, key);
        if (key.StartsWith(PersistenceIdPrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _persistenceIdSubscriptions);
        }

        _byKey.AddOrUpdate(key, static (_, s) => [s], static (_, list, s) => list.Add(s), subscription);
        return subscription;
    }

    /// <summary>Wakes the subscriptions of <paramref name="key"/>.</summary>
    public void Notify(string key)
    {
        if (_byKey.TryGetValue(key, out var subscriptions))
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Signal();
            }
        }
    }

    /// <summary>
    /// Wakes the subscriptions that follow <paramref name="persistenceId"/>; builds no key while no subscription
    /// follows any persistence id (a query subscribes before it reads, so a write it misses here it reads anyway).
    /// </summary>
    public void NotifyPersistenceId(string persistenceId)
    {
        if (Volatile.Read(ref _persistenceIdSubscriptions) > 0)
        {
            Notify(PersistenceIdKey(persistenceId));
        }
    }

    /// <summary>Wakes every subscription, e.g. when a notification was too large to say what changed.</summary>
    public void NotifyAll()
    {
        foreach (var subscriptions in _byKey.Values)
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Signal();
            }
        }
    }

    internal void Remove(ChangeSubscription subscription)
    {
        while (_byKey.TryGetValue(subscription.Key, out var list) && list.Contains(subscription))
        {
            var remaining = list.Remove(subscription);
            var done = remaining.IsEmpty
                ? _byKey.TryRemove(new KeyValuePair<string, ImmutableArray<ChangeSubscription>>(subscription.Key, list))
                : _byKey.TryUpdate(subscription.Key, remaining, list);
            if (done)
            {
                if (subscription.Key.StartsWith(PersistenceIdPrefix, StringComparison.Ordinal))
                {
                    Interlocked.Decrement(ref _persistenceIdSubscriptions);
                }

                return;
            }
        }
    }
}
