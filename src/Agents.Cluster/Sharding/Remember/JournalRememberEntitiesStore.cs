using System.Collections.Concurrent;
using Agents.Persistence;
using Agents.Persistence.Journal;

namespace Agents.Cluster.Sharding.Remember;

/// <summary>
/// Remembers shards and entities as events in an <see cref="IJournal"/>: the shards of a type under persistence id
/// <c>sharding/{type}</c> (<see cref="ShardStarted"/>), the entities of a shard under <c>sharding/{type}/{shard}</c>
/// (<see cref="EntitiesStarted"/>, <see cref="EntitiesStopped"/>). The journal's serializer must know
/// <see cref="EventTypes"/>. Each shard writes its own stream, so a second live incarnation of a shard (in a
/// cluster: a split) is fenced by the journal's unique sequence numbers.
/// </summary>
public sealed class JournalRememberEntitiesStore : IRememberEntitiesStore
{
    private readonly IJournal _journal;
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, long> _highestSequenceNr = new(StringComparer.Ordinal);

    // One append at a time per persistence id: the shards of a type all add themselves to sharding/{type}.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _appendGates = new(StringComparer.Ordinal);

    /// <summary>Creates the store over <paramref name="journal"/>.</summary>
    public JournalRememberEntitiesStore(IJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
    }

    /// <summary>
    /// The event types this store writes; add them to the <c>ManifestRegistry</c> of the journal's serializer.
    /// </summary>
    public static IReadOnlyList<Type> EventTypes { get; } = [typeof(ShardStarted), typeof(EntitiesStarted), typeof(EntitiesStopped)];

    /// <summary>The persistence id of the shard list of <paramref name="typeName"/>.</summary>
    public static string ShardsPersistenceId(string typeName) => $"sharding/{typeName}";

    /// <summary>The persistence id of the entities of one shard.</summary>
    public static string EntitiesPersistenceId(string typeName, string shardId) => $"sharding/{typeName}/{shardId}";

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetShardsAsync(string typeName, CancellationToken cancellationToken = default)
    {
        var shards = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var payload in ReplayAsync(ShardsPersistenceId(typeName), cancellationToken).ConfigureAwait(false))
        {
            if (payload is ShardStarted started)
            {
                shards.Add(started.ShardId);
            }
        }
        return shards;
    }

    /// <inheritdoc />
    public Task AddShardAsync(string typeName, string shardId, CancellationToken cancellationToken = default) =>
        AppendAsync(ShardsPersistenceId(typeName), [new ShardStarted(shardId)], cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetEntitiesAsync(string typeName, string shardId, CancellationToken cancellationToken = default)
    {
        var entities = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var payload in ReplayAsync(EntitiesPersistenceId(typeName, shardId), cancellationToken).ConfigureAwait(false))
        {
            switch (payload)
            {
                case EntitiesStarted started:
                    entities.UnionWith(started.EntityIds);
                    break;
                case EntitiesStopped stopped:
                    entities.ExceptWith(stopped.EntityIds);
                    break;
            }
        }
        return entities;
    }

    /// <inheritdoc />
    public Task UpdateEntitiesAsync(
        string typeName, string shardId, IReadOnlyCollection<string> started, IReadOnlyCollection<string> stopped,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(stopped);
        var events = new List<object>(2);
        if (started.Count > 0)
        {
            events.Add(new EntitiesStarted([.. started]));
        }
        if (stopped.Count > 0)
        {
            events.Add(new EntitiesStopped([.. stopped]));
        }
        return events.Count == 0 ? Task.CompletedTask : AppendAsync(EntitiesPersistenceId(typeName, shardId), events, cancellationToken);
    }

    private async IAsyncEnumerable<object> ReplayAsync(
        string persistenceId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long highest = 0;
        await foreach (var stored in _journal.ReplayMessagesAsync(persistenceId, 1, long.MaxValue, long.MaxValue, cancellationToken)
                           .ConfigureAwait(false))
        {
            highest = stored.SequenceNr;
            yield return stored.Payload;
        }
        // Deleted events keep the highest sequence number, so ask the journal rather than trust the replay.
        highest = Math.Max(highest, await _journal.ReadHighestSequenceNrAsync(persistenceId, highest, cancellationToken).ConfigureAwait(false));
        _highestSequenceNr[persistenceId] = highest;
    }

    private async Task AppendAsync(string persistenceId, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        var gate = _appendGates.GetOrAdd(persistenceId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_highestSequenceNr.TryGetValue(persistenceId, out var highest))
            {
                highest = await _journal.ReadHighestSequenceNrAsync(persistenceId, 0, cancellationToken).ConfigureAwait(false);
            }
            var representations = new PersistentRepresentation[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                representations[i] = new PersistentRepresentation(persistenceId, highest + 1 + i, events[i]) { WriterId = _writerId };
            }
            IReadOnlyList<Exception?> results;
            try
            {
                results = await _journal.WriteMessagesAsync([new AtomicWrite(representations)], cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The outcome is unknown (or another writer got there first): read the highest number again next time.
                _highestSequenceNr.TryRemove(persistenceId, out _);
                throw;
            }
            if (results[0] is { } rejection)
            {
                throw new InvalidOperationException(
                    $"The journal rejected the sharding record of '{persistenceId}': {rejection.Message} " +
                    "Fix: add JournalRememberEntitiesStore.EventTypes to the ManifestRegistry of the journal's serializer.", rejection);
            }
            _highestSequenceNr[persistenceId] = highest + events.Count;
        }
        finally
        {
            gate.Release();
        }
    }
}
