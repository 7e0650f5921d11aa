namespace Agents.Actors;

/// <summary>Sent to an actor that received nothing for its receive timeout (see <see cref="IActorContext.SetReceiveTimeout"/>).</summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The one instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "ReceiveTimeout";
}
