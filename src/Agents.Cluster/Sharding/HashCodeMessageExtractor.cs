using System.Globalization;
using System.Text;
using Agents.Actors.Routing;

namespace Agents.Cluster.Sharding;

/// <summary>
/// An extractor that puts an entity in shard <c>hash(entityId) mod maxNumberOfShards</c>, with a hash that is
/// the same in every process and on every node (MurmurHash3 of the UTF-8 id, not
/// <see cref="string.GetHashCode()"/>, which .NET randomises per process). Subclasses say which entity a message
/// is for; <see cref="ShardingEnvelope"/> and <see cref="StartEntity"/> are understood already.
/// </summary>
public abstract class HashCodeMessageExtractor : IMessageExtractor
{
    // The text of each shard number, made once: ShardId runs for every message a region routes.
    private readonly string?[] _shardIds;

    /// <summary>Creates the extractor.</summary>
    /// <param name="maxNumberOfShards">The number of shards; at least 1, and fixed once entities are remembered.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number is below 1.</exception>
    protected HashCodeMessageExtractor(int maxNumberOfShards)
    {
        if (maxNumberOfShards < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNumberOfShards), maxNumberOfShards,
                "A sharded type needs at least 1 shard; use ShardingSettings.NumberOfShards (100 by default).");
        }
        MaxNumberOfShards = maxNumberOfShards;
        _shardIds = new string?[maxNumberOfShards];
    }

    /// <summary>The number of shards entity ids are spread over.</summary>
    public int MaxNumberOfShards { get; }

    /// <summary>
    /// An extractor for <see cref="ShardingEnvelope"/> and <see cref="StartEntity"/> messages, and for other
    /// messages when <paramref name="entityId"/> names their entity.
    /// </summary>
    /// <param name="maxNumberOfShards">The number of shards.</param>
    /// <param name="entityId">The entity id of messages that are not envelopes; null when there are none.</param>
    /// <param name="entityMessage">What the entity receives of such a message; the message itself when null.</param>
    public static HashCodeMessageExtractor Create(
        int maxNumberOfShards, Func<object, string?>? entityId = null, Func<object, object>? entityMessage = null) =>
        new DelegateMessageExtractor(maxNumberOfShards, entityId, entityMessage);

    /// <summary>
    /// The shard of <paramref name="entityId"/> among <paramref name="maxNumberOfShards"/>: the same in every
    /// process and every version of Agents.
    /// </summary>
    public static string ShardIdOf(string entityId, int maxNumberOfShards) =>
        ShardNumberOf(entityId, maxNumberOfShards).ToString(CultureInfo.InvariantCulture);

    private static uint ShardNumberOf(string entityId, int maxNumberOfShards)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfShards, 1);
        var byteCount = Encoding.UTF8.GetByteCount(entityId);
        var buffer = byteCount <= 256 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(entityId, buffer);
        return MurmurHash3.Hash(buffer, 0) % (uint)maxNumberOfShards;
    }

    /// <summary>The entity of a message that is neither a <see cref="ShardingEnvelope"/> nor a <see cref="StartEntity"/>.</summary>
    protected abstract string? EntityIdOf(object message);

    /// <inheritdoc />
    public string? EntityId(object message) => message switch
    {
        ShardingEnvelope envelope => envelope.EntityId,
        StartEntity start => start.EntityId,
        _ => EntityIdOf(message),
    };

    /// <inheritdoc />
    /// <remarks>Unwraps a <see cref="ShardingEnvelope"/>; any other message is delivered as it is.</remarks>
    public virtual object? EntityMessage(object message) => message is ShardingEnvelope envelope ? envelope.Message : message;

    /// <inheritdoc />
    public string? ShardId(object message)
    {
        if (EntityId(message) is not { Length: > 0 } id)
        {
            return null;
        }
        var number = ShardNumberOf(id, MaxNumberOfShards);
        // Two threads may both make the text; either copy is right.
        return _shardIds[number] ??= number.ToString(CultureInfo.InvariantCulture);
    }
}
