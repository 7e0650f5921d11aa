namespace Agents.Actors;

/// <summary>
/// The path of an actor below the root: its parent's path plus its name. The string form is built when
/// asked for and not kept, so a million idle actors do not carry a million path strings.
/// </summary>
public sealed class ChildActorPath : ActorPath
{
    private readonly ActorPath _parent;
    private int _hash;

    /// <summary>Creates the path <c>parent/name</c> for the incarnation <paramref name="uid"/>.</summary>
    public ChildActorPath(ActorPath parent, string name, int uid)
    {
        _parent = parent ?? throw new ArgumentNullException(nameof(parent));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Uid = uid;
    }

    /// <inheritdoc />
    public override ActorAddress Address => Root.Address;

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override ActorPath Parent => _parent;

    /// <inheritdoc />
    public override ActorPath Root
    {
        get
        {
            ActorPath p = this;
            while (p.Parent is { } parent)
            {
                p = parent;
            }
            return p;
        }
    }

    /// <inheritdoc />
    public override int Uid { get; }

    /// <inheritdoc />
    public override ActorPath WithUid(int uid) => uid == Uid ? this : new ChildActorPath(_parent, Name, uid);

    private protected override int ComputeHashCode()
    {
        var hash = _hash;
        if (hash == 0)
        {
            hash = HashCode.Combine(_parent.GetHashCode(), StringComparer.Ordinal.GetHashCode(Name));
            if (hash == 0)
            {
                hash = 1;
            }
            _hash = hash;
        }
        return hash;
    }
}
