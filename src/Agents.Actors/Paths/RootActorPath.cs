namespace Agents.Actors;

/// <summary>The path of a root guardian: <c>agents://system/</c>.</summary>
public sealed class RootActorPath : ActorPath
{
    private string? _text;

    /// <summary>Creates the root path of the system at <paramref name="address"/>.</summary>
    public RootActorPath(ActorAddress address) => Address = address ?? throw new ArgumentNullException(nameof(address));

    /// <inheritdoc />
    public override ActorAddress Address { get; }

    /// <inheritdoc />
    public override string Name => "";

    /// <inheritdoc />
    public override ActorPath? Parent => null;

    /// <inheritdoc />
    public override ActorPath Root => this;

    /// <inheritdoc />
    public override int Uid => UndefinedUid;

    /// <inheritdoc />
    public override ActorPath WithUid(int uid) => this;

    private protected override string ToStringCore() => _text ??= base.ToStringCore();

    private protected override int ComputeHashCode() => Address.GetHashCode();
}
