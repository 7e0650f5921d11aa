namespace Agents.Actors.Routing;

/// <summary>
/// A group that sends messages with equal keys to the same routee (see
/// <see cref="ConsistentHashingRoutingLogic"/> for where keys come from):
/// <c>new ConsistentHashingGroup("/user/w1", "/user/w2").WithHashMapping(m =&gt; ...).Props()</c>.
/// </summary>
public sealed record ConsistentHashingGroup : Group
{
    private readonly int _virtualNodesFactor = ConsistentHashingRoutingLogic.DefaultVirtualNodesFactor;

    /// <summary>Creates the group.</summary>
    /// <param name="paths">The absolute paths of the routees; at least one.</param>
    /// <exception cref="ArgumentException">There is no path, or a path is empty or not absolute.</exception>
    public ConsistentHashingGroup(params IEnumerable<string> paths)
        : base(paths)
    {
    }

    /// <summary>Maps messages to keys, or <see langword="null"/> when messages carry their own keys.</summary>
    public ConsistentHashMapping? HashMapping { get; init; }

    /// <summary>Points per routee on the hash ring.</summary>
    /// <value><see cref="ConsistentHashingRoutingLogic.DefaultVirtualNodesFactor"/> unless set.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int VirtualNodesFactor
    {
        get => _virtualNodesFactor;
        init => _virtualNodesFactor = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(VirtualNodesFactor), value,
            "The virtual nodes factor of a consistent-hashing router must be at least 1 (10 is the default); it is the number of ring points per routee.");
    }

    /// <summary>Returns this group with <paramref name="mapping"/> as its hash mapping.</summary>
    public ConsistentHashingGroup WithHashMapping(ConsistentHashMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return this with { HashMapping = mapping };
    }

    /// <summary>Returns this group with <paramref name="factor"/> points per routee on the ring.</summary>
    public ConsistentHashingGroup WithVirtualNodesFactor(int factor) => this with { VirtualNodesFactor = factor };

    /// <inheritdoc />
    public override Router CreateRouter(ActorSystem system) => new(new ConsistentHashingRoutingLogic(HashMapping, VirtualNodesFactor));
}
