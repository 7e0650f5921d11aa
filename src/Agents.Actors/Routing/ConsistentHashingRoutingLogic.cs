using System.Collections.Immutable;

namespace Agents.Actors.Routing;

/// <summary>
/// Sends messages with equal keys to the same routee, for as long as the set of routees is unchanged,
/// using a hash ring with virtual nodes (so adding a routee moves only about 1/n of the keys, all to
/// the new routee). The key is taken, in this order, from the <see cref="HashMapping"/> (when it returns
/// a key), from a message implementing <see cref="IConsistentHashable"/>, or from a
/// <see cref="ConsistentHashableEnvelope"/>. A message without a key goes to no routee: it becomes a dead
/// letter, and the router logs one warning.
/// </summary>
public sealed class ConsistentHashingRoutingLogic : RoutingLogic
{
    /// <summary>How many points each routee gets on the ring by default.</summary>
    /// <value>10, as in Akka.</value>
    public const int DefaultVirtualNodesFactor = 10;

    private RingCache? _ring;

    /// <summary>Creates the logic.</summary>
    /// <param name="hashMapping">Maps messages to keys; optional when messages carry their keys.</param>
    /// <param name="virtualNodesFactor">Points per routee on the ring: more spread the keys more evenly, at the cost of memory; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The factor is below 1.</exception>
    public ConsistentHashingRoutingLogic(ConsistentHashMapping? hashMapping = null, int virtualNodesFactor = DefaultVirtualNodesFactor)
    {
        if (virtualNodesFactor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(virtualNodesFactor), virtualNodesFactor,
                "The virtual nodes factor of a consistent-hashing router must be at least 1 (10 is the default); it is the number of ring points per routee.");
        }
        HashMapping = hashMapping;
        VirtualNodesFactor = virtualNodesFactor;
    }

    /// <summary>Maps messages to keys, or <see langword="null"/> when messages carry their own keys.</summary>
    public ConsistentHashMapping? HashMapping { get; }

    /// <summary>Points per routee on the ring.</summary>
    public int VirtualNodesFactor { get; }

    /// <inheritdoc />
    public override Routee Select(object message, ImmutableArray<Routee> routees)
    {
        if (routees.Length == 0 || KeyOf(message) is not { } key)
        {
            return NoRoutee.Instance;
        }
        if (routees.Length == 1)
        {
            return routees[0];
        }
        return RingFor(routees).OwnerOf(ConsistentHashKey.HashOf(key));
    }

    /// <summary>The key of <paramref name="message"/>, or <see langword="null"/> when it has none.</summary>
    public object? KeyOf(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (HashMapping is { } mapping && mapping(message) is { } mapped)
        {
            return mapped;
        }
        return message is IConsistentHashable hashable ? hashable.ConsistentHashKey : null;
    }

    private ConsistentHashRing RingFor(ImmutableArray<Routee> routees)
    {
        // A router passes the same array until its routees change, so the ring is built once per change;
        // an equal array (another list of the same routees) reuses it too.
        var cached = Volatile.Read(ref _ring);
        if (cached is not null && (cached.Routees == routees || cached.Routees.AsSpan().SequenceEqual(routees.AsSpan())))
        {
            return cached.Ring;
        }
        var ring = new ConsistentHashRing(routees, VirtualNodesFactor);
        Volatile.Write(ref _ring, new RingCache(routees, ring));
        return ring;
    }

    private sealed record RingCache(ImmutableArray<Routee> Routees, ConsistentHashRing Ring);
}
