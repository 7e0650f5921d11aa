namespace Agents.Actors.Routing;

/// <summary>
/// A pool that sends messages with equal keys to the same routee (see
/// <see cref="ConsistentHashingRoutingLogic"/> for where keys come from):
/// <c>new ConsistentHashingPool(5).WithHashMapping(m =&gt; m is Order o ? o.CustomerId : null).Props(workerProps)</c>.
/// </summary>
public sealed record ConsistentHashingPool : Pool
{
    private readonly int _virtualNodesFactor = ConsistentHashingRoutingLogic.DefaultVirtualNodesFactor;

    /// <summary>Creates the pool.</summary>
    /// <param name="nrOfInstances">How many routees to create; at least 1.</param>
    /// <param name="hashMapping">Maps messages to keys; optional when messages carry their keys.</param>
    /// <param name="supervisorStrategy">How the router handles its routees' failures; <see cref="Pool.DefaultSupervisorStrategy"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number of routees is below 1.</exception>
    public ConsistentHashingPool(int nrOfInstances, ConsistentHashMapping? hashMapping = null, SupervisorStrategy? supervisorStrategy = null)
        : base(nrOfInstances, supervisorStrategy)
    {
        HashMapping = hashMapping;
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

    /// <summary>Returns this pool with <paramref name="mapping"/> as its hash mapping.</summary>
    public ConsistentHashingPool WithHashMapping(ConsistentHashMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return this with { HashMapping = mapping };
    }

    /// <summary>Returns this pool with <paramref name="factor"/> points per routee on the ring.</summary>
    public ConsistentHashingPool WithVirtualNodesFactor(int factor) => this with { VirtualNodesFactor = factor };

    /// <inheritdoc />
    public override Router CreateRouter(ActorSystem system) => new(new ConsistentHashingRoutingLogic(HashMapping, VirtualNodesFactor));
}
